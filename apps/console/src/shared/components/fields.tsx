import { type ReactNode, useId } from "react";

/** What the control inside a field spreads onto itself: the id its label points at, and its message. */
export interface FieldControlProps {
  id: string;
  "aria-describedby"?: string;
  "aria-invalid"?: true;
}

/**
 * A label, its control and one line under it: the error when there is one, else the hint. The control
 * is described by that line, so a screen reader reads the error with the field.
 */
export function LabelledField({
  label,
  hint,
  error,
  children,
}: {
  label: string;
  hint?: string;
  error?: string;
  children: (control: FieldControlProps) => ReactNode;
}) {
  const id = useId();
  const messageId = `${id}-message`;
  const message = error ?? hint;
  return (
    <div className="field">
      <label htmlFor={id} className="field__label">
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
