import type { Weighting } from "@survey/contract";
import { optionsOf, Segmented } from "../../shared/components/fields";
import { resultsStrings } from "./strings";

/** Design weights or post-stratified ones, for every page that shows weighted satisfaction figures. */
export function WeightingSwitch({
  label = resultsStrings.weightingLabel,
  showLabel = true,
  value,
  onChange,
}: {
  label?: string;
  showLabel?: boolean;
  value: Weighting;
  onChange: (value: Weighting) => void;
}) {
  return (
    <Segmented
      label={label}
      showLabel={showLabel}
      value={value}
      options={optionsOf(resultsStrings.weightings)}
      onChange={onChange}
    />
  );
}
