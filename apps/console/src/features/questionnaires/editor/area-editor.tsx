import {
  type DefinitionProblem,
  EDITOR_ITEM_KIND_LABELS,
  EDITOR_ITEM_KINDS,
  type EditorItemKind,
} from "@survey/questionnaire";
import { useState } from "react";
import { studioStrings as text } from "../strings";
import { type Element, type Page, textOf } from "./edit-definition";
import { type ItemActions, ItemEditor } from "./item-editor";
import { messageAt } from "./problems";
import { StudioInput, StudioTextArea } from "./studio-field";

export interface AreaActions {
  change: (patch: Partial<Page>) => void;
  remove: () => void;
  addItem: (kind: EditorItemKind) => void;
  item: (index: number) => ItemActions;
}

/** One area (a page of the questionnaire): its title, its introduction and its questions. */
export function AreaEditor({
  page,
  pageIndex,
  pageCount,
  firstNumber,
  conditions,
  problems,
  readOnly,
  actions,
  onFocusArea,
}: {
  page: Page;
  pageIndex: number;
  pageCount: number;
  /** The number of the area's first question in the whole questionnaire. */
  firstNumber: number;
  conditions: ReadonlyMap<string, string>;
  problems: readonly DefinitionProblem[];
  readOnly: boolean;
  actions: AreaActions;
  /** Something in the area took the focus: the question it is in, if any. */
  onFocusArea: (question: string | null) => void;
}) {
  const [newKind, setNewKind] = useState<EditorItemKind>("satisfaction");
  const path = `pages[${pageIndex}]`;
  const idBase = `studio-pages-${pageIndex}`;
  const headingId = `${idBase}-heading`;
  return (
    <section
      className="card studio-area"
      aria-labelledby={headingId}
      onFocus={(event) =>
        onFocusArea((event.target as HTMLElement).closest("article[data-name]")?.getAttribute("data-name") ?? null)
      }
    >
      <div className="card__header">
        <h3 className="card__title" id={headingId}>
          {text.area(pageIndex + 1)}
          {textOf(page.title) ? `：${textOf(page.title)}` : ""}
        </h3>
        <button
          type="button"
          className="button button--small"
          disabled={readOnly || page.elements.length > 0 || pageCount <= 1}
          onClick={actions.remove}
        >
          {text.removeArea}
        </button>
      </div>
      <div className="card__body">
        <div className="studio-area__fields">
          <StudioInput
            id={`${idBase}-title`}
            label={text.areaTitle}
            error={messageAt(problems, `${path}.title`)}
            value={textOf(page.title)}
            readOnly={readOnly}
            onChange={(title) => actions.change({ title })}
          />
          <StudioTextArea
            id={`${idBase}-description`}
            label={text.areaIntro}
            className="field--wide"
            value={textOf(page.description)}
            readOnly={readOnly}
            onChange={(description) => actions.change({ description })}
          />
        </div>
        {page.elements.map((element: Element, index) => (
          <ItemEditor
            key={String(element.name ?? index)}
            element={element}
            number={firstNumber + index}
            path={`${path}.elements[${index}]`}
            condition={conditions.get(String(element.name)) ?? null}
            problems={problems}
            readOnly={readOnly}
            first={pageIndex === 0 && index === 0}
            last={pageIndex === pageCount - 1 && index === page.elements.length - 1}
            actions={actions.item(index)}
          />
        ))}
        {readOnly ? null : (
          <div className="studio-area__add">
            <label className="inline-field__label" htmlFor={`${idBase}-new-kind`}>
              {text.addItemKind}
            </label>
            <select
              id={`${idBase}-new-kind`}
              className="select"
              value={newKind}
              onChange={(event) => setNewKind(event.target.value as EditorItemKind)}
            >
              {EDITOR_ITEM_KINDS.map((value) => (
                <option key={value} value={value}>
                  {EDITOR_ITEM_KIND_LABELS[value]}
                </option>
              ))}
            </select>
            <button
              type="button"
              className="button button--primary button--small"
              onClick={() => actions.addItem(newKind)}
            >
              {`${text.addItem}（${text.area(pageIndex + 1)}）`}
            </button>
          </div>
        )}
      </div>
    </section>
  );
}
