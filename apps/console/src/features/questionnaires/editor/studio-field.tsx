import { LabelledField, type SelectOption } from "../../../shared/components/fields";

/**
 * The studio's fields: a label, the control and the line under it (the problem the questionnaire check found
 * there, else a hint). Ids are given, not generated: the problem summary links to the field by its id.
 */
interface StudioFieldProps {
  id: string;
  label: string;
  error?: string;
  className?: string;
  readOnly: boolean;
  value: string;
  onChange: (value: string) => void;
}

export function StudioTextArea({ rows = 2, ...props }: StudioFieldProps & { rows?: number }) {
  return (
    <LabelledField id={props.id} label={props.label} error={props.error} className={props.className}>
      {(control) => (
        <textarea
          {...control}
          className="input studio-textarea"
          rows={rows}
          value={props.value}
          disabled={props.readOnly}
          onChange={(event) => props.onChange(event.target.value)}
        />
      )}
    </LabelledField>
  );
}

export function StudioInput(props: StudioFieldProps & { maxLength?: number }) {
  return (
    <LabelledField id={props.id} label={props.label} error={props.error} className={props.className}>
      {(control) => (
        <input
          {...control}
          className="input"
          value={props.value}
          maxLength={props.maxLength}
          disabled={props.readOnly}
          onChange={(event) => props.onChange(event.target.value)}
        />
      )}
    </LabelledField>
  );
}

/** A select of coded things; a value not among them shows as "—" until one is chosen. */
export function StudioSelect(props: StudioFieldProps & { options: readonly SelectOption[] }) {
  const known = props.options.some((option) => option.value === props.value);
  return (
    <LabelledField id={props.id} label={props.label} error={props.error} className={props.className}>
      {(control) => (
        <select
          {...control}
          className="select"
          value={props.value}
          disabled={props.readOnly}
          onChange={(event) => props.onChange(event.target.value)}
        >
          {known ? null : <option value={props.value}>—</option>}
          {props.options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </LabelledField>
  );
}
