import type { ReactNode } from "react";

/** The props a control inside a StudioField spreads onto itself. */
export interface StudioControlProps {
  id: string;
  "aria-describedby"?: string;
  "aria-invalid"?: true;
}

/**
 * A label, its control and the line under it (the problem the questionnaire check found there, else a hint).
 * The id is given, not generated: the problem summary links to the field by it.
 */
export function StudioField({
  id,
  label,
  error,
  hint,
  className,
  children,
}: {
  id: string;
  label: string;
  error?: string;
  hint?: string;
  className?: string;
  children: (control: StudioControlProps) => ReactNode;
}) {
  const message = error ?? hint;
  const messageId = `${id}-message`;
  return (
    <div className={`field${className ? ` ${className}` : ""}`}>
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
