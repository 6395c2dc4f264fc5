import { SelectField } from "../../shared/components/fields";
import { indicatorSystemStrings } from "./strings";

/** The year choice in a page header, kept in the address as `year`. */
export function YearPicker({
  year,
  years,
  onChange,
}: {
  year: number;
  years: number[];
  onChange: (value: string) => void;
}) {
  return (
    <SelectField
      inline
      label={indicatorSystemStrings.year}
      value={String(year)}
      options={years.map((candidate) => ({
        value: String(candidate),
        label: indicatorSystemStrings.yearOption(candidate),
      }))}
      onChange={onChange}
    />
  );
}
