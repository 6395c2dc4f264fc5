import { DOMAINS } from "@survey/indices";
import {
  type DefinitionProblem,
  DIMENSIONS,
  EDITOR_ITEM_KIND_LABELS,
  EDITOR_ITEM_KINDS,
  type EditorItemKind,
} from "@survey/questionnaire";
import { namedOptions } from "../../../shared/components/fields";
import { studioStrings as text } from "../strings";
import { ChoicesEditor, choicesOf } from "./choices-editor";
import { type Element, editorKindOf, textOf } from "./edit-definition";
import { messageAt, problemsUnder } from "./problems";
import { StudioSelect, StudioTextArea } from "./studio-field";

export interface ItemActions {
  change: (patch: Element) => void;
  changeKind: (kind: EditorItemKind) => void;
  move: (step: -1 | 1) => void;
  duplicate: () => void;
  remove: () => void;
}

const KIND_OPTIONS = EDITOR_ITEM_KINDS.map((value) => ({ value, label: EDITOR_ITEM_KIND_LABELS[value] }));
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
          <StudioTextArea
            id={`${idBase}-title`}
            label={text.wording}
            error={messageAt(problems, `${path}.title`)}
            className="field--wide"
            value={textOf(element.title)}
            readOnly={readOnly}
            onChange={(title) => actions.change({ title })}
          />
          <div className="studio-item__row">
            <StudioSelect
              id={`${idBase}-kind`}
              label={text.kind}
              options={KIND_OPTIONS}
              value={kind}
              readOnly={readOnly}
              onChange={(value) => actions.changeKind(value as EditorItemKind)}
            />
            {kind === "satisfaction" ? (
              <>
                <StudioSelect
                  id={`${idBase}-dimension`}
                  label={text.dimension}
                  error={messageAt(problems, `${path}.dimension`)}
                  options={namedOptions(DIMENSIONS)}
                  value={String(element.dimension ?? "")}
                  readOnly={readOnly}
                  onChange={(dimension) => actions.change({ dimension })}
                />
                <StudioSelect
                  id={`${idBase}-domain`}
                  label={text.domain}
                  error={messageAt(problems, `${path}.domain`)}
                  options={namedOptions(DOMAINS)}
                  value={String(element.domain ?? "")}
                  readOnly={readOnly}
                  onChange={(domain) => actions.change({ domain })}
                />
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
          <StudioTextArea
            id={`${idBase}-description`}
            label={text.note}
            error={messageAt(problems, `${path}.description`)}
            className="field--wide"
            value={textOf(element.description)}
            readOnly={readOnly}
            onChange={(description) => actions.change({ description })}
          />
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
