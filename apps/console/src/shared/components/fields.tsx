import { type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, useId } from "react";

/** What the control inside a field spreads onto itself: the id its label points at, and its message. */
export interface FieldControlProps {
  id: string;
  "aria-describedby"?: string;
  "aria-invalid"?: true;
}

/**
 * A label, its control and one line under it: the error when there is one, else the hint. The control
 * is described by that line, so a screen reader reads the error with the field. `inline` puts the label
 * beside the control (toolbars) instead of above it (forms).
 */
export function LabelledField({
  id: givenId,
  label,
  hint,
  error,
  inline = false,
  className,
  children,
}: {
  /** The control's id when something links to it (a list of problems); a fresh one when absent. */
  id?: string;
  label: string;
  hint?: string;
  error?: string;
  inline?: boolean;
  /** More classes of the field, e.g. `field--wide`. */
  className?: string;
  children: (control: FieldControlProps) => ReactNode;
}) {
  const generatedId = useId();
  const id = givenId ?? generatedId;
  const messageId = `${id}-message`;
  const message = error ?? hint;
  const block = inline ? "inline-field" : "field";
  return (
    <div className={className ? `${block} ${className}` : block}>
      <label htmlFor={id} className={`${block}__label`}>
        {label}
      </label>
      {children({
        id,
        ...(message ? { "aria-describedby": messageId } : {}),
        ...(error ? { "aria-invalid": true } : {}),
      })}
      {message ? (
        <span id={messageId} className={error ? "field__error" : "field__help"}>
          {message}
        </span>
      ) : null}
    </div>
  );
}

type FieldProps = { label: string; hint?: string; error?: string; inline?: boolean; className?: string };

/** A labelled text (or number, date, password…) input; `onChange` gets the new text. */
export function TextField({
  label,
  hint,
  error,
  inline,
  className,
  onChange,
  ...input
}: FieldProps &
  Omit<InputHTMLAttributes<HTMLInputElement>, "onChange" | "className" | "id"> & {
    value: string;
    onChange: (value: string) => void;
  }) {
  return (
    <LabelledField label={label} hint={hint} error={error} inline={inline} className={className}>
      {(control) => (
        <input {...control} className="input" {...input} onChange={(event) => onChange(event.target.value)} />
      )}
    </LabelledField>
  );
}

export interface SelectOption {
  value: string;
  label: string;
  disabled?: boolean;
}

/** Options from labels by value, in the record's order. */
export function optionsOf<T extends string>(labels: Readonly<Record<T, string>>): { value: T; label: string }[] {
  return (Object.entries(labels) as [T, string][]).map(([value, label]) => ({ value, label }));
}

/** Options from coded, named things (towns, domains): the code is the value, the name the label. */
export function namedOptions(items: readonly { code: string; name: string }[]): SelectOption[] {
  return items.map((item) => ({ value: item.code, label: item.name }));
}

/** A labelled select of plain options; `onChange` gets the chosen value. */
export function SelectField({
  label,
  hint,
  inline,
  className,
  options,
  onChange,
  ...select
}: Omit<FieldProps, "error"> &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, "onChange" | "className" | "id"> & {
    value: string;
    options: readonly SelectOption[];
    onChange: (value: string) => void;
  }) {
  return (
    <LabelledField label={label} hint={hint} inline={inline} className={className}>
      {(control) => (
        <select {...control} className="select" {...select} onChange={(event) => onChange(event.target.value)}>
          {options.map((option) => (
            <option key={option.value} value={option.value} disabled={option.disabled}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </LabelledField>
  );
}

/**
 * A small set of mutually exclusive choices (radio buttons styled as a segmented control), in an inline
 * field with its label shown (`showLabel`) or read out only; `bare` leaves out the field around it.
 */
export function Segmented<T extends string>({
  label,
  value,
  options,
  onChange,
  showLabel = false,
  bare = false,
  name,
}: {
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
  showLabel?: boolean;
  bare?: boolean;
  /** The radio group's name; a fresh one when absent. */
  name?: string;
}) {
  const id = useId();
  const segments = (
    <fieldset className="segmented">
      <legend className="visually-hidden">{label}</legend>
      {options.map((option) => (
        <label key={option.value} className={`segmented__item${value === option.value ? " is-active" : ""}`}>
          <input
            type="radio"
            name={name ?? id}
            value={option.value}
            checked={value === option.value}
            onChange={() => onChange(option.value)}
          />
          {option.label}
        </label>
      ))}
    </fieldset>
  );
  if (bare) return segments;
  return (
    <div className="inline-field">
      {showLabel ? (
        <span className="inline-field__label" aria-hidden="true">
          {label}
        </span>
      ) : null}
      {segments}
    </div>
  );
}

/** Tick any of the options; `onChange` gets the ticked values in the order they were ticked. */
export function CheckboxGroup({
  legend,
  note,
  options,
  checked,
  onChange,
  disabled,
}: {
  legend: ReactNode;
  /** A line under the legend. */
  note?: ReactNode;
  options: readonly { value: string; label: string }[];
  checked: readonly string[];
  onChange: (checked: string[]) => void;
  disabled?: boolean;
}) {
  return (
    <fieldset className="checkbox-grid" disabled={disabled}>
      <legend>{legend}</legend>
      {note}
      {options.map((option) => (
        <label key={option.value} className="checkbox">
          <input
            type="checkbox"
            checked={checked.includes(option.value)}
            onChange={() =>
              onChange(
                checked.includes(option.value)
                  ? checked.filter((value) => value !== option.value)
                  : [...checked, option.value],
              )
            }
          />
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}
