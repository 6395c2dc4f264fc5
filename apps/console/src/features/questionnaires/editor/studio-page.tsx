import type { QuestionnaireDraft } from "@survey/contract";
import {
  compareVersions,
  type DefinitionProblem,
  type EditorItemKind,
  listQuestionnaireItems,
  validateDraft,
} from "@survey/questionnaire";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useMemo, useState } from "react";
import { useLocation, useNavigate, useParams } from "react-router-dom";
import { errorMessage } from "../../../shared/api/http";
import { Notice } from "../../../shared/components/feedback";
import { Card, PageHeader } from "../../../shared/components/page";
import { QueryState } from "../../../shared/components/query-state";
import { Tabs } from "../../../shared/components/tabs";
import { fetchQuestionnaire, questionnairePaths, useQuestionnaireDraft } from "../api";
import { studioStrings as text } from "../strings";
import { AreaEditor } from "./area-editor";
import * as edit from "./edit-definition";
import { PhonePreview } from "./phone-preview";
import { fieldIdOf } from "./problems";
import { StudioInput, StudioTextArea } from "./studio-field";
import { discardLocalCopy, readLocalCopy, useDraftAutosave } from "./use-draft-autosave";
import { VersionChanges } from "./version-changes";
import "../studio.css";

/** A value that follows `value` once it has stopped changing for `ms`. */
function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(value), ms);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** The questionnaire check, or nothing when survey-core cannot even read the draft. */
function checkOf(definition: edit.Definition): DefinitionProblem[] {
  const result = validateDraft(definition);
  return result.ok ? [] : result.details;
}

function safely<T>(compute: () => T, fallback: T): T {
  try {
    return compute();
  } catch {
    return fallback;
  }
}

/** 问卷设计 › one version: the forms editor, the check, the phone preview and the comparison. */
export function StudioPage() {
  const id = Number(useParams().questionnaireId);
  const draft = useQuestionnaireDraft(id);
  return <QueryState query={draft}>{(loaded) => <Studio key={loaded.id} draft={loaded} />}</QueryState>;
}

function Studio({ draft }: { draft: QuestionnaireDraft }) {
  const navigate = useNavigate();
  const handedMessage = (useLocation().state as { message?: string } | null)?.message;
  const [restored] = useState(() => {
    const local = readLocalCopy(draft.id);
    if (!local || draft.frozen || local.revision !== draft.revision) return null;
    const same = local.title === draft.title && JSON.stringify(local.definition) === JSON.stringify(draft.definition);
    return same ? null : local;
  });
  const [title, setTitle] = useState(restored?.title ?? draft.title);
  const [definition, setDefinition] = useState(() => edit.normalise(restored?.definition ?? draft.definition));
  const [history, setHistory] = useState<edit.Definition[]>([]);
  const [active, setActive] = useState<{ page: number; question: string | null }>({ page: 0, question: null });
  const [tab, setTab] = useState<"preview" | "compare">("preview");
  const readOnly = draft.frozen;

  const settled = useSettled(definition, 250);
  const previewDefinition = useMemo(() => ({ ...definition, title }), [definition, title]);
  const problems = useMemo(() => safely(() => checkOf(settled), [{ path: "", message: "问卷无法读取" }]), [settled]);
  const items = useMemo(() => safely(() => listQuestionnaireItems(settled), []), [settled]);
  const conditions = useMemo(
    () => new Map(items.flatMap((item) => (item.condition ? [[item.name, item.condition] as const] : []))),
    [items],
  );
  const source = useQuery({
    queryKey: ["questionnaires", draft.sourceId, "draft"],
    queryFn: () => fetchQuestionnaire(draft.sourceId ?? 0),
    enabled: draft.sourceId !== null,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const changes = useMemo(
    () => (source.data ? safely(() => compareVersions(source.data.definition, settled), null) : null),
    [source.data, settled],
  );

  const autosave = useDraftAutosave({
    id: draft.id,
    revision: draft.revision,
    title,
    definition,
    checkPasses: problems.length === 0 && title.trim() !== "",
    enabled: !readOnly,
    startDirty: restored !== null,
  });
  const shownProblems = autosave.serverProblems.length > 0 ? autosave.serverProblems : problems;

  const apply = (next: edit.Definition, undoable = false) => {
    if (undoable) setHistory((past) => [...past.slice(-29), definition]);
    setDefinition(next);
  };
  const undo = () => {
    const previous = history.at(-1);
    if (!previous) return;
    setHistory((past) => past.slice(0, -1));
    setDefinition(previous);
  };
  const context = { version: draft.version, usedNames: draft.usedNames };
  const areaActions = (pageIndex: number) => ({
    change: (patch: Partial<edit.Page>) => apply(edit.updatePage(definition, pageIndex, patch)),
    remove: () => apply(edit.removePage(definition, pageIndex), true),
    addItem: (kind: EditorItemKind) => {
      const added = edit.addElement(definition, pageIndex, kind, context);
      apply(added.definition, true);
      focusSoon(`[data-name="${added.name}"] textarea`);
    },
    item: (index: number) => ({
      change: (patch: edit.Element) => apply(edit.updateElement(definition, pageIndex, index, patch)),
      changeKind: (kind: EditorItemKind) => apply(edit.changeKind(definition, pageIndex, index, kind), true),
      move: (step: -1 | 1) => apply(edit.moveElement(definition, pageIndex, index, step), true),
      duplicate: () => {
        const element = definition.pages[pageIndex]?.elements[index];
        const kind = element ? edit.editorKindOf(element) : null;
        if (!element || !kind) return;
        apply(
          edit.addElement(definition, pageIndex, kind, { ...context, after: index, copyOf: element }).definition,
          true,
        );
      },
      remove: () => apply(edit.removeElement(definition, pageIndex, index), true),
    }),
  });

  let number = 1;
  const firstNumbers = definition.pages.map((page) => {
    const first = number;
    number += page.elements.length;
    return first;
  });

  const leave = () => {
    if (autosave.unsaved && !window.confirm(text.leaveWarning)) return;
    navigate("/questionnaires");
  };

  return (
    <>
      <PageHeader
        title={text.editorTitle(title || draft.title, draft.version)}
        actions={
          <>
            <SaveState status={autosave.status} savedAt={autosave.savedAt} readOnly={readOnly} />
            {readOnly ? null : (
              <>
                <button type="button" className="button" disabled={history.length === 0} onClick={undo}>
                  {text.undo}
                </button>
                <button
                  type="button"
                  className="button button--primary"
                  disabled={autosave.status === "saving" || autosave.status === "saved"}
                  onClick={() => void autosave.save()}
                >
                  {text.save}
                </button>
              </>
            )}
            <a className="button" href={questionnairePaths.paper(draft.id)} target="_blank" rel="noreferrer">
              {text.paper}
            </a>
            <button type="button" className="button" onClick={leave}>
              {text.back}
            </button>
          </>
        }
      />
      {handedMessage ? <Notice tone="success">{handedMessage}</Notice> : null}
      {readOnly ? <Notice tone="info">{text.frozenNotice}</Notice> : null}
      {restored ? (
        <Notice tone="info">
          {text.restored}{" "}
          <button
            type="button"
            className="button button--link"
            onClick={() => {
              discardLocalCopy(draft.id);
              window.location.reload();
            }}
          >
            {text.discardLocal}
          </button>
        </Notice>
      ) : null}
      {autosave.status === "failed" && autosave.serverProblems.length === 0 ? (
        <Notice tone="error">
          {text.saveFailed}
          {errorMessage(autosave.error)}
        </Notice>
      ) : null}
      <div className="studio">
        <div className="studio__editor">
          <Card title={text.basics} labelledBy="studio-basics">
            <div className="studio-area__fields studio-basics">
              <StudioInput
                id="studio-title"
                label={text.questionnaireTitle}
                error={title.trim() === "" ? text.titleMissing : undefined}
                value={title}
                maxLength={200}
                readOnly={readOnly}
                onChange={setTitle}
              />
              <StudioTextArea
                id="studio-intro"
                label={text.questionnaireIntro}
                className="field--wide"
                rows={3}
                value={edit.textOf(definition.description)}
                readOnly={readOnly}
                onChange={(description) => apply({ ...definition, description })}
              />
            </div>
          </Card>
          {readOnly ? null : <ProblemSummary problems={shownProblems} />}
          {definition.pages.map((page, pageIndex) => (
            <AreaEditor
              key={page.name}
              page={page}
              pageIndex={pageIndex}
              pageCount={definition.pages.length}
              firstNumber={firstNumbers[pageIndex] ?? 1}
              conditions={conditions}
              problems={shownProblems}
              readOnly={readOnly}
              actions={areaActions(pageIndex)}
              onFocusArea={(question) => setActive({ page: pageIndex, question })}
            />
          ))}
          {readOnly ? null : (
            <button
              type="button"
              className="button"
              onClick={() => apply(edit.addPage(definition, text.newAreaTitle), true)}
            >
              {text.addArea}
            </button>
          )}
        </div>
        <aside className="studio__side" aria-label={text.previewTitle}>
          <Tabs
            label={text.previewTitle}
            idPrefix="studio-side"
            tabs={[
              { value: "preview", label: text.tabPreview },
              { value: "compare", label: text.tabCompare },
            ]}
            value={tab}
            onChange={setTab}
          >
            {tab === "preview" ? (
              <PhonePreview definition={previewDefinition} page={active.page} question={active.question} />
            ) : changes && source.data ? (
              <VersionChanges changes={changes} sourceVersion={source.data.version} />
            ) : (
              <p>{draft.sourceId === null ? text.compareNone : text.saving}</p>
            )}
          </Tabs>
        </aside>
      </div>
    </>
  );
}

function focusSoon(selector: string) {
  window.setTimeout(() => document.querySelector<HTMLElement>(selector)?.focus(), 50);
}

function SaveState({ status, savedAt, readOnly }: { status: string; savedAt: Date | null; readOnly: boolean }) {
  if (readOnly) return null;
  const label =
    status === "saving"
      ? text.saving
      : status === "saved"
        ? savedAt
          ? text.savedAt(savedAt.toLocaleTimeString("zh-CN", { hour: "2-digit", minute: "2-digit" }))
          : text.savedAt("")
        : text.unsaved;
  return (
    <span className={`studio-save studio-save--${status}`} role="status" data-testid="save-status">
      {label}
    </span>
  );
}

function ProblemSummary({ problems }: { problems: readonly DefinitionProblem[] }) {
  if (problems.length === 0) {
    return (
      <p className="studio-check studio-check--ok" role="status">
        {text.noProblems}
      </p>
    );
  }
  return (
    <div className="notice notice--warning studio-check" role="status">
      <div className="notice__title">{text.problemsTitle(problems.length)}</div>
      <p>{text.notSavedProblems(problems.length)}</p>
      <ul>
        {problems.slice(0, 12).map((problem) => (
          <li key={`${problem.path}-${problem.message}`}>
            <a href={`#${fieldIdOf(problem.path)}`}>{problem.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}
