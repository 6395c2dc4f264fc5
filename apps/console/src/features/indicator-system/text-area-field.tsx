import { LabelledField } from "../../shared/components/fields";

/** A labelled multi-line text box (a recommendation's body, the measures taken). */
export function TextAreaField({
  label,
  value,
  onChange,
  required = false,
  maxLength,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  required?: boolean;
  maxLength?: number;
}) {
  return (
    <LabelledField label={label} className="field--wide">
      {(control) => (
        <textarea
          {...control}
          className="textarea"
          rows={4}
          required={required}
          maxLength={maxLength}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </LabelledField>
  );
}
