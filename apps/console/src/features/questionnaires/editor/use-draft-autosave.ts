import type { DefinitionProblem } from "@survey/questionnaire";
import { useCallback, useEffect, useRef, useState } from "react";
import { ApiRequestError } from "../../../shared/api/http";
import { saveQuestionnaire } from "../api";
import type { Definition } from "./edit-definition";

/** How long editing pauses before the draft is saved. */
const AUTOSAVE_DELAY_MS = 1500;

export type SaveStatus = "saved" | "dirty" | "saving" | "failed";

export interface LocalCopy {
  /** The server revision the edits were made on. */
  revision: number;
  title: string;
  definition: Definition;
}

const localKey = (id: number) => `questionnaire-studio:${id}`;

/** Edits not yet saved, kept in this browser so that nothing typed is lost (a closed tab, a refused save). */
export function readLocalCopy(id: number): LocalCopy | null {
  try {
    const text = window.localStorage.getItem(localKey(id));
    return text ? (JSON.parse(text) as LocalCopy) : null;
  } catch {
    return null;
  }
}

function writeLocalCopy(id: number, copy: LocalCopy | null): void {
  try {
    if (copy) window.localStorage.setItem(localKey(id), JSON.stringify(copy));
    else window.localStorage.removeItem(localKey(id));
  } catch {
    // Storage full or disabled: the autosave to the server still runs.
  }
}

export function discardLocalCopy(id: number): void {
  writeLocalCopy(id, null);
}

/**
 * Saves the draft a moment after each change while the questionnaire check passes, keeps every change in this
 * browser until the server has it, and warns before the page is left with anything unsaved.
 */
export function useDraftAutosave({
  id,
  revision,
  title,
  definition,
  checkPasses,
  enabled,
  startDirty,
}: {
  id: number;
  revision: number;
  title: string;
  definition: Definition;
  checkPasses: boolean;
  enabled: boolean;
  startDirty: boolean;
}) {
  const [status, setStatus] = useState<SaveStatus>(startDirty ? "dirty" : "saved");
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [serverProblems, setServerProblems] = useState<DefinitionProblem[]>([]);
  const base = useRef(revision);
  const latest = useRef({ title, definition });
  const version = useRef(0);
  const first = useRef(true);
  latest.current = { title, definition };

  const save = useCallback(async () => {
    const sent = version.current;
    setStatus("saving");
    try {
      const saved = await saveQuestionnaire(id, latest.current);
      base.current = saved.revision;
      setSavedAt(new Date(saved.updatedAt));
      setError(null);
      setServerProblems([]);
      if (version.current === sent) {
        writeLocalCopy(id, null);
        setStatus("saved");
      } else {
        writeLocalCopy(id, { revision: saved.revision, ...latest.current });
        setStatus("dirty");
      }
    } catch (failure) {
      setError(failure);
      const details = failure instanceof ApiRequestError ? failure.body.details : undefined;
      setServerProblems(Array.isArray(details) ? (details as DefinitionProblem[]) : []);
      setStatus("failed");
    }
  }, [id]);

  // Each change: keep it locally at once, save it to the server after a pause.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (!enabled) return;
    version.current++;
    setStatus("dirty");
    setServerProblems([]);
    writeLocalCopy(id, { revision: base.current, title, definition });
    if (!checkPasses) return;
    const timer = window.setTimeout(save, AUTOSAVE_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [id, title, definition, checkPasses, enabled, save]);

  const unsaved = status !== "saved";
  useEffect(() => {
    if (!unsaved) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers show the dialog only when a value is returned.
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [unsaved]);

  return { status, savedAt, error, serverProblems, save, unsaved };
}
