import { type FormEvent, type KeyboardEvent, type ReactNode, useEffect, useMemo, useRef, useState } from "react";
import { codeEntryStrings } from "../strings";
import "./code-entry.css";
import { answerLabel, type EntryField, entryModel, formatEntry, parseEntry, visibleFields } from "./entry-fields";

const text = codeEntryStrings;

/** The answers the typed texts stand for (blank and mistyped fields left out). */
function answersOf(fields: EntryField[], raw: Record<string, string>): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  for (const field of fields) {
    const parsed = parseEntry(field, raw[field.name] ?? "");
    if (parsed.ok && parsed.value !== undefined) answers[field.name] = parsed.value;
  }
  return answers;
}

/** The problem a field has now: a mistyped code, or a required question left blank (only once submitting). */
function problemOf(field: EntryField, raw: string, submitting: boolean): string | null {
  const parsed = parseEntry(field, raw);
  if (!parsed.ok) return parsed.message;
  if (submitting && field.required && parsed.value === undefined) return text.required;
  return null;
}

/**
 * A paper questionnaire typed by its answer codes, keyboard only: each question is one field; Enter (or Tab)
 * moves to the next, a mistyped code stays put with the codes it may be; the label of the typed code is shown
 * beside it. Enter on the last question moves to the submit button.
 */
export function CodeEntryForm({
  definition,
  initialAnswers = {},
  submitLabel,
  busy = false,
  before,
  onSubmit,
}: {
  definition: Record<string, unknown>;
  initialAnswers?: Record<string, unknown>;
  submitLabel: string;
  busy?: boolean;
  /** More fields after the questions, before the submit button (the reason of a correction). */
  before?: ReactNode;
  onSubmit: (answers: Record<string, unknown>) => void;
}) {
  const model = useMemo(() => entryModel(definition), [definition]);
  const [raw, setRaw] = useState<Record<string, string>>(() => {
    const all = visibleFields(model, initialAnswers);
    return Object.fromEntries(all.map((field) => [field.name, formatEntry(field, initialAnswers[field.name])]));
  });
  const [submitted, setSubmitted] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  // The clerk starts typing as soon as the form opens: the first question has the focus.
  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>("[data-entry-field]")?.focus();
  }, []);

  // Visibility depends on the answers so far (visibleIf): recompute with each keystroke's answers.
  let fields = visibleFields(model, {});
  fields = visibleFields(model, answersOf(fields, raw));

  const focusField = (index: number) => {
    const controls = formRef.current?.querySelectorAll<HTMLElement>("[data-entry-field], [data-entry-next]");
    controls?.[index]?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>, index: number, field: EntryField) => {
    if (event.key !== "Enter") return;
    event.preventDefault();
    if (problemOf(field, raw[field.name] ?? "", false)) return;
    focusField(index + 1);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    const first = fields.findIndex((field) => problemOf(field, raw[field.name] ?? "", true));
    if (first >= 0) {
      focusField(first);
      return;
    }
    onSubmit(answersOf(fields, raw));
  };

  const missing = submitted ? fields.filter((field) => problemOf(field, raw[field.name] ?? "", true)).length : 0;

  return (
    <form ref={formRef} className="code-entry" onSubmit={submit} aria-label={text.formLabel} noValidate>
      <p className="muted small">{text.help}</p>
      <ol className="code-entry__list">
        {fields.map((field, index) => {
          const value = raw[field.name] ?? "";
          const problem = problemOf(field, value, submitted);
          const parsed = parseEntry(field, value);
          const echo = parsed.ok ? answerLabel(field, parsed.value) : "";
          const id = `entry-${field.name}`;
          return (
            <li key={field.name} className={`code-entry__row${problem ? " code-entry__row--problem" : ""}`}>
              <span className="code-entry__number" aria-hidden="true">
                {index + 1}
              </span>
              <label className="code-entry__title" htmlFor={id}>
                {field.title}
                {field.required ? null : <span className="muted"> {text.optional}</span>}
              </label>
              <input
                id={id}
                data-entry-field
                className={`input code-entry__input${field.kind === "text" && !field.numeric ? " code-entry__input--text" : ""}`}
                value={value}
                inputMode={field.kind === "choice" || (field.kind === "text" && field.numeric) ? "numeric" : "text"}
                autoComplete="off"
                maxLength={field.kind === "text" ? (field.maxLength ?? undefined) : 40}
                aria-invalid={problem ? true : undefined}
                aria-describedby={`${id}-echo`}
                onChange={(event) => setRaw((current) => ({ ...current, [field.name]: event.target.value }))}
                onKeyDown={(event) => onKeyDown(event, index, field)}
              />
              <span
                id={`${id}-echo`}
                className={
                  problem
                    ? "code-entry__echo field__error"
                    : `code-entry__echo${echo ? "" : " code-entry__echo--legend"}`
                }
              >
                {problem ?? (field.kind === "choice" ? echo || text.codes(field.choices) : "")}
              </span>
            </li>
          );
        })}
      </ol>
      {before}
      <div className="form-actions">
        {missing > 0 ? (
          <span className="field__error" role="alert">
            {text.problems(missing)}
          </span>
        ) : null}
        <button type="submit" className="button button--primary" data-entry-next disabled={busy}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
