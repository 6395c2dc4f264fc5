import { DOMAINS } from "@survey/indices";
import {
  type DefinitionProblem,
  DIMENSIONS,
  EDITOR_ITEM_KIND_LABELS,
  EDITOR_ITEM_KINDS,
  type EditorItemKind,
} from "@survey/questionnaire";
import { studioStrings as text } from "../strings";
import { ChoicesEditor, choicesOf } from "./choices-editor";
import { type Element, editorKindOf, textOf } from "./edit-definition";
import { messageAt, problemsUnder } from "./problems";
import { StudioField } from "./studio-field";

export interface ItemActions {
  change: (patch: Element) => void;
  changeKind: (kind: EditorItemKind) => void;
  move: (step: -1 | 1) => void;
  duplicate: () => void;
  remove: () => void;
}

const KINDS_WITH_CHOICES = new Set<EditorItemKind>(["single", "multiple", "demographic"]);

/** One question as a form: wording, kind, domain, required, note, choices; its condition shown in words. */
export function ItemEditor({
  element,
  number,
  path,
  condition,
  problems,
  readOnly,
  first,
  last,
  actions,
}: {
  element: Element;
  number: number;
  path: string;
  /** The element's condition in words, when it has one. */
  condition: string | null;
  problems: readonly DefinitionProblem[];
  readOnly: boolean;
  first: boolean;
  last: boolean;
  actions: ItemActions;
}) {
  const kind = editorKindOf(element);
  const idBase = `studio-${path.replace(/[[\].]+/g, "-").replace(/-$/, "")}`;
  const name = String(element.name ?? "");
  const mine = problemsUnder(problems, path);
  const placed = new Set(["title", "description", "dimension", "domain", "choices"]);
  const elsewhere = mine.filter((problem) => !placed.has(problem.path.slice(path.length + 1).split(/[.[]/)[0] ?? ""));
  const heading = `${text.item(number)}${textOf(element.title) ? `：${textOf(element.title)}` : ""}`;

  return (
    <article className="studio-item" aria-label={heading} data-name={name}>
      <header className="studio-item__header">
        <h4 className="studio-item__number">{text.item(number)}</h4>
        <code className="studio-item__name" title={text.itemNameHelp}>
          {name}
        </code>
        <div className="studio-item__actions">
          <button
            type="button"
            aria-label={`${text.moveUp} ${text.item(number)}`}
            className="button button--small"
            disabled={readOnly || first}
            onClick={() => actions.move(-1)}
          >
            {text.moveUp}
          </button>
          <button
            type="button"
            aria-label={`${text.moveDown} ${text.item(number)}`}
            className="button button--small"
            disabled={readOnly || last}
            onClick={() => actions.move(1)}
          >
            {text.moveDown}
          </button>
          <button
            type="button"
            aria-label={`${text.duplicate} ${text.item(number)}`}
            className="button button--small"
            disabled={readOnly || !kind}
            onClick={actions.duplicate}
          >
            {text.duplicate}
          </button>
          <button
            type="button"
            aria-label={`${text.remove} ${text.item(number)}`}
            className="button button--small button--danger"
            disabled={readOnly}
            onClick={actions.remove}
          >
            {text.remove}
          </button>
        </div>
      </header>
      {kind === null ? (
        <p className="muted">
          {text.kept}：{String(element.type)} {name}
        </p>
      ) : (
        <div className="studio-item__body">
          <StudioField
            id={`${idBase}-title`}
            label={text.wording}
            error={messageAt(problems, `${path}.title`)}
            className="field--wide"
          >
            {(control) => (
              <textarea
                {...control}
                className="input studio-textarea"
                rows={2}
                value={textOf(element.title)}
                disabled={readOnly}
                onChange={(event) => actions.change({ title: event.target.value })}
              />
            )}
          </StudioField>
          <div className="studio-item__row">
            <StudioField id={`${idBase}-kind`} label={text.kind}>
              {(control) => (
                <select
                  {...control}
                  className="select"
                  value={kind}
                  disabled={readOnly}
                  onChange={(event) => actions.changeKind(event.target.value as EditorItemKind)}
                >
                  {EDITOR_ITEM_KINDS.map((value) => (
                    <option key={value} value={value}>
                      {EDITOR_ITEM_KIND_LABELS[value]}
                    </option>
                  ))}
                </select>
              )}
            </StudioField>
            {kind === "satisfaction" ? (
              <>
                <StudioField
                  id={`${idBase}-dimension`}
                  label={text.dimension}
                  error={messageAt(problems, `${path}.dimension`)}
                >
                  {(control) => (
                    <select
                      {...control}
                      className="select"
                      value={String(element.dimension ?? "")}
                      disabled={readOnly}
                      onChange={(event) => actions.change({ dimension: event.target.value })}
                    >
                      {DIMENSIONS.map((dimension) => (
                        <option key={dimension.code} value={dimension.code}>
                          {dimension.name}
                        </option>
                      ))}
                    </select>
                  )}
                </StudioField>
                <StudioField id={`${idBase}-domain`} label={text.domain} error={messageAt(problems, `${path}.domain`)}>
                  {(control) => (
                    <select
                      {...control}
                      className="select"
                      value={String(element.domain ?? "")}
                      disabled={readOnly}
                      onChange={(event) => actions.change({ domain: event.target.value })}
                    >
                      {DOMAINS.some((domain) => domain.code === element.domain) ? null : <option value="">—</option>}
                      {DOMAINS.map((domain) => (
                        <option key={domain.code} value={domain.code}>
                          {domain.name}
                        </option>
                      ))}
                    </select>
                  )}
                </StudioField>
              </>
            ) : null}
            <label className="checkbox studio-item__required">
              <input
                type="checkbox"
                checked={element.isRequired === true}
                disabled={readOnly}
                onChange={(event) => actions.change({ isRequired: event.target.checked })}
              />
              {text.required}
            </label>
          </div>
          <StudioField
            id={`${idBase}-description`}
            label={text.note}
            error={messageAt(problems, `${path}.description`)}
            className="field--wide"
          >
            {(control) => (
              <textarea
                {...control}
                className="input studio-textarea"
                rows={2}
                value={textOf(element.description)}
                disabled={readOnly}
                onChange={(event) => actions.change({ description: event.target.value })}
              />
            )}
          </StudioField>
          {KINDS_WITH_CHOICES.has(kind) ? (
            <ChoicesEditor
              idBase={idBase}
              path={`${path}.choices`}
              choices={choicesOf(element.choices)}
              problems={problems}
              readOnly={readOnly}
              onChange={(choices) => actions.change({ choices })}
            />
          ) : kind !== "text" ? (
            <p className="studio-fixed" id={`${idBase}-choices`}>
              {text.fixedChoices}
              {choicesOf(element.choices)
                .map((choice) => `${String(choice.value)} ${choice.text}`)
                .join("　")}
            </p>
          ) : null}
          {condition ? (
            <p className="studio-condition">
              <strong>{text.condition}：</strong>
              {condition}
            </p>
          ) : null}
        </div>
      )}
      {elsewhere.length > 0 ? (
        <ul className="studio-item__problems">
          {elsewhere.map((problem) => (
            <li key={`${problem.path}-${problem.message}`} className="field__error">
              {problem.message}
            </li>
          ))}
        </ul>
      ) : null}
    </article>
  );
}
