import { useId } from "react";

/** A small set of mutually exclusive choices (radio buttons styled as a segmented control). */
export function Segmented<T extends string>({
  label,
  value,
  options,
  onChange,
  showLabel = false,
}: {
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
  showLabel?: boolean;
}) {
  const name = useId();
  return (
    <div className="inline-field">
      {showLabel ? (
        <span className="inline-field__label" aria-hidden="true">
          {label}
        </span>
      ) : null}
      <fieldset className="segmented">
        <legend className="visually-hidden">{label}</legend>
        {options.map((option) => (
          <label key={option.value} className={`segmented__item${value === option.value ? " is-active" : ""}`}>
            <input
              type="radio"
              name={name}
              value={option.value}
              checked={value === option.value}
              onChange={() => onChange(option.value)}
            />
            {option.label}
          </label>
        ))}
      </fieldset>
    </div>
  );
}

/** A labelled select of plain options. */
export function SelectField({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: string;
  options: readonly { value: string; label: string }[];
  onChange: (value: string) => void;
}) {
  const id = useId();
  return (
    <div className="inline-field">
      <label htmlFor={id} className="inline-field__label">
        {label}
      </label>
      <select id={id} className="select" value={value} onChange={(event) => onChange(event.target.value)}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
