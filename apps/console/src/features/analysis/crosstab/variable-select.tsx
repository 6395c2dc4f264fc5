import type { CrosstabVariable, CrosstabVariableGroup } from "@survey/contract";
import { LabelledField } from "../../../shared/components/fields";
import { crosstabStrings } from "../strings";

const GROUP_ORDER: CrosstabVariableGroup[] = ["respondent", "demographic", "score", "satisfaction", "policy"];

/** A select of the cross-tab variables, grouped (respondent, demographics, scores, items, policies). */
export function VariableSelect({
  label,
  variables,
  value,
  onChange,
  exclude,
  placeholder,
}: {
  label: string;
  variables: CrosstabVariable[];
  value: string;
  onChange: (name: string) => void;
  exclude?: string;
  placeholder?: string;
}) {
  return (
    <LabelledField label={label} className="xtab-builder__field">
      {(control) => (
        <select {...control} className="select" value={value} onChange={(event) => onChange(event.target.value)}>
          {placeholder ? <option value="">{placeholder}</option> : null}
          {GROUP_ORDER.map((group) => {
            const members = variables.filter((variable) => variable.group === group && variable.name !== exclude);
            if (members.length === 0) return null;
            return (
              <optgroup key={group} label={crosstabStrings.groups[group]}>
                {members.map((variable) => (
                  <option key={variable.name} value={variable.name}>
                    {variable.label}
                  </option>
                ))}
              </optgroup>
            );
          })}
        </select>
      )}
    </LabelledField>
  );
}
