import type { DefinitionProblem } from "@survey/questionnaire";
import { studioStrings as text } from "../strings";
import { messageAt } from "./problems";

export interface Choice {
  value: unknown;
  text: string;
}

/** SurveyJS choices as {value, text}: a bare value is its own label. */
export function choicesOf(raw: unknown): Choice[] {
  if (!Array.isArray(raw)) return [];
  return raw.map((choice) =>
    typeof choice === "object" && choice !== null
      ? { ...(choice as Choice), text: String((choice as { text?: unknown }).text ?? (choice as Choice).value) }
      : { value: choice, text: String(choice) },
  );
}

/** The next free numeric code: codes already given to a choice are never given to another. */
function nextCode(choices: readonly Choice[]): number {
  return Math.max(0, ...choices.map((choice) => (typeof choice.value === "number" ? choice.value : 0))) + 1;
}

/**
 * The choices of a single or multiple choice question: each label editable beside its fixed answer code (the
 * code paper entry and the import use); a new choice takes the next free code.
 */
export function ChoicesEditor({
  idBase,
  path,
  choices,
  problems,
  readOnly,
  onChange,
}: {
  idBase: string;
  path: string;
  choices: Choice[];
  problems: readonly DefinitionProblem[];
  readOnly: boolean;
  onChange: (choices: Choice[]) => void;
}) {
  const listError = problems.find((problem) => problem.path === path)?.message;
  return (
    <fieldset className="studio-choices" id={`${idBase}-choices`}>
      <legend>{text.choices}</legend>
      <ol>
        {choices.map((choice, index) => {
          const error = messageAt(problems, `${path}[${index}]`);
          const inputId = `${idBase}-choice-${index}`;
          return (
            <li key={String(choice.value)}>
              <span className="studio-code" title={text.choiceCode}>
                {String(choice.value)}
              </span>
              <label className="visually-hidden" htmlFor={inputId}>
                {`${text.choiceLabel} ${String(choice.value)}`}
              </label>
              <input
                id={inputId}
                className="input"
                value={choice.text}
                disabled={readOnly}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `${inputId}-error` : undefined}
                onChange={(event) =>
                  onChange(choices.map((old, at) => (at === index ? { ...old, text: event.target.value } : old)))
                }
              />
              <button
                type="button"
                className="button button--small"
                disabled={readOnly || choices.length <= 1}
                aria-label={text.removeChoice(choice.text)}
                onClick={() => onChange(choices.filter((_, at) => at !== index))}
              >
                {text.remove}
              </button>
              {error ? (
                <span id={`${inputId}-error`} className="field__error">
                  {error}
                </span>
              ) : null}
            </li>
          );
        })}
      </ol>
      {listError ? <span className="field__error">{listError}</span> : null}
      <button
        type="button"
        className="button button--small"
        disabled={readOnly}
        onClick={() => onChange([...choices, { value: nextCode(choices), text: "" }])}
      >
        {text.addChoice}
      </button>
    </fieldset>
  );
}
