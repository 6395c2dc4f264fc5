import type { ReservationExpiresHeader } from "@survey/contract";
import { useCallback, useEffect, useRef, useState } from "react";
import { retryDelayMs } from "../session/retry-delay";
import { type ApiError, request } from "./http";
import type { Answers } from "./types";

/** Checked against the contract's name: a type, so nothing of the contract reaches the phone's bundle. */
const RESERVATION_EXPIRES_HEADER: ReservationExpiresHeader = "reservation-expires-at";

/**
 * PUT /api/reservation/draft — the autosave; 204 on success. Saving extends the slot's hold: the answer
 * says until when (null from a server that does not say).
 */
export async function saveDraft(
  token: string,
  answers: Answers,
  options: { signal?: AbortSignal; keepalive?: boolean } = {},
): Promise<string | null> {
  const saved = await request<null>("PUT", "/api/reservation/draft", { token, body: { answers }, ...options });
  return saved.headers.get(RESERVATION_EXPIRES_HEADER);
}

export type AutosaveStatus = "idle" | "saving" | "saved" | "offline";

export interface DraftAutosave {
  status: AutosaveStatus;
  /** Answers changed: send them after `delayMs` of quiet. */
  schedule: (answers: Answers) => void;
  /** Send these answers now, changed or not (the resident asked to keep their slot). */
  saveNow: (answers: Answers) => void;
  /** Stop sending while the answers are being submitted; `resume` if the submission is refused. */
  pause: () => void;
  resume: () => void;
}

/**
 * Debounced autosave of the draft to the server. A failed save is retried with backoff and as soon as
 * the browser says it is online again; `onSynced` tells the caller the server holds the latest answers.
 */
export function useDraftAutosave(
  token: string,
  options: { delayMs?: number; onSynced: (heldUntil: string | null) => void; onInvalidToken: () => void },
): DraftAutosave {
  const delayMs = options.delayMs ?? 1000;
  const [status, setStatus] = useState<AutosaveStatus>("idle");
  const latest = useRef<{ answers: Answers; version: number } | null>(null);
  const savedVersion = useRef(0);
  const inFlight = useRef(false);
  const failures = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const paused = useRef(false);
  const callbacks = useRef(options);
  callbacks.current = options;

  const clearTimer = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  }, []);

  const flush = useCallback(
    async (keepalive = false) => {
      clearTimer();
      const pending = latest.current;
      if (paused.current || !pending || pending.version === savedVersion.current || inFlight.current) return;
      inFlight.current = true;
      setStatus((s) => (s === "offline" ? s : "saving"));
      try {
        const heldUntil = await saveDraft(token, pending.answers, { keepalive });
        failures.current = 0;
        savedVersion.current = Math.max(savedVersion.current, pending.version);
        if (latest.current?.version === pending.version) {
          setStatus("saved");
          callbacks.current.onSynced(heldUntil);
        }
      } catch (caught) {
        const error = caught as ApiError;
        if (error.status === 401) {
          callbacks.current.onInvalidToken();
          return;
        }
        failures.current += 1;
        setStatus("offline");
        if (error.transient) {
          timer.current = setTimeout(() => void flush(), retryDelayMs(failures.current, error.retryAfterSeconds));
        }
        return;
      } finally {
        inFlight.current = false;
      }
      // Changes made while this save was under way go out next.
      if (latest.current && latest.current.version !== savedVersion.current) {
        timer.current = setTimeout(() => void flush(), delayMs);
      }
    },
    [token, delayMs, clearTimer],
  );

  const schedule = useCallback(
    (answers: Answers) => {
      latest.current = { answers, version: (latest.current?.version ?? 0) + 1 };
      // "已自动保存" would no longer be true: say it is being saved until the server has it.
      setStatus((s) => (s === "offline" ? s : "saving"));
      if (inFlight.current) return;
      clearTimer();
      timer.current = setTimeout(() => void flush(), delayMs);
    },
    [flush, delayMs, clearTimer],
  );

  const saveNow = useCallback(
    (answers: Answers) => {
      latest.current = { answers, version: (latest.current?.version ?? 0) + 1 };
      void flush();
    },
    [flush],
  );

  const pause = useCallback(() => {
    paused.current = true;
    clearTimer();
  }, [clearTimer]);

  const resume = useCallback(() => {
    paused.current = false;
    void flush();
  }, [flush]);

  useEffect(() => {
    const retryNow = () => void flush();
    // A phone locking its screen or switching to WeChat chat may never come back to this page.
    const saveOnHide = () => {
      if (document.visibilityState === "hidden") void flush(true);
    };
    window.addEventListener("online", retryNow);
    document.addEventListener("visibilitychange", saveOnHide);
    window.addEventListener("pagehide", saveOnHide);
    return () => {
      window.removeEventListener("online", retryNow);
      document.removeEventListener("visibilitychange", saveOnHide);
      window.removeEventListener("pagehide", saveOnHide);
      clearTimer();
    };
  }, [flush, clearTimer]);

  return { status, schedule, saveNow, pause, resume };
}
