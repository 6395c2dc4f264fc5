import { type InputHTMLAttributes, type ReactNode, type Ref, useId } from "react";

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "onChange"> {
  ref?: Ref<HTMLInputElement>;
  label: string;
  error?: string | null;
  hint?: ReactNode;
  trailing?: ReactNode;
  onValueChange: (value: string) => void;
}

/** A labelled input with its error below it, wired for screen readers. */
export function TextField({ ref, label, error, hint, trailing, onValueChange, className, ...input }: TextFieldProps) {
  const id = useId();
  const messageId = `${id}-message`;
  return (
    <div className={`field${error ? " field--error" : ""}`}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <div className="field__row">
        <input
          {...input}
          ref={ref}
          id={id}
          className={`field__input${className ? ` ${className}` : ""}`}
          aria-invalid={error ? true : undefined}
          aria-describedby={error || hint ? messageId : undefined}
          onChange={(event) => onValueChange(event.target.value)}
        />
        {trailing}
      </div>
      {error ? (
        <p className="field__error" id={messageId}>
          {error}
        </p>
      ) : hint ? (
        <p className="field__hint" id={messageId}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}
