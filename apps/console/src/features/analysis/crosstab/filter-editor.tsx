import type { CrosstabRequest, CrosstabVariable } from "@survey/contract";
import { useState } from "react";
import { crosstabStrings } from "../strings";
import { VariableSelect } from "./variable-select";

const text = crosstabStrings;

export type Filters = NonNullable<CrosstabRequest["filters"]>;

/**
 * Filters keep respondents whose variable takes one of the ticked values. A filter with every value
 * ticked is dropped (it keeps everyone).
 */
export function FilterEditor({
  variables,
  filters,
  onChange,
  exclude,
}: {
  variables: CrosstabVariable[];
  filters: Filters;
  onChange: (filters: Filters) => void;
  exclude: string[];
}) {
  const [adding, setAdding] = useState("");
  const byName = new Map(variables.map((variable) => [variable.name, variable]));
  const available = variables.filter((variable) => !(variable.name in filters) && !exclude.includes(variable.name));

  const toggle = (name: string, value: string) => {
    const current = filters[name] ?? [];
    const next = current.includes(value) ? current.filter((item) => item !== value) : [...current, value];
    onChange({ ...filters, [name]: next });
  };
  const remove = (name: string) => {
    const { [name]: _removed, ...rest } = filters;
    onChange(rest);
  };

  return (
    <div className="xtab-filters">
      {Object.entries(filters).map(([name, values]) => {
        const variable = byName.get(name);
        if (!variable) return null;
        return (
          <fieldset key={name} className="xtab-filter">
            <legend className="xtab-filter__legend">
              {variable.label}
              <button
                type="button"
                className="button button--link button--small"
                onClick={() => remove(name)}
                aria-label={text.removeFilter(variable.label)}
              >
                {text.remove}
              </button>
            </legend>
            <div className="xtab-filter__values">
              {variable.categories.map((category) => (
                <label key={category.value} className="checkbox">
                  <input
                    type="checkbox"
                    checked={values.includes(category.value)}
                    onChange={() => toggle(name, category.value)}
                  />
                  {category.label}
                </label>
              ))}
            </div>
            {values.length === 0 ? <p className="field__error">{text.filterEmpty}</p> : null}
          </fieldset>
        );
      })}
      <div className="xtab-filters__add">
        <VariableSelect
          label={text.addFilter}
          variables={available}
          value={adding}
          placeholder={text.chooseFilter}
          onChange={(name) => {
            setAdding("");
            const variable = byName.get(name);
            if (variable) onChange({ ...filters, [name]: variable.categories.map((category) => category.value) });
          }}
        />
      </div>
    </div>
  );
}

/** The filters as the API takes them: empty ones are a mistake, complete ones keep everyone. */
export function requestFilters(filters: Filters, variables: CrosstabVariable[]): Filters | null {
  const result: Filters = {};
  for (const [name, values] of Object.entries(filters)) {
    if (values.length === 0) return null;
    const variable = variables.find((candidate) => candidate.name === name);
    if (variable && values.length === variable.categories.length) continue;
    result[name] = values;
  }
  return result;
}
