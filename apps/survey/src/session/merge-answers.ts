import type { Answers } from "../api/types";

/**
 * The answers to resume with. The server draft is the truth unless this phone holds changes the server
 * never acknowledged (saved offline, tab closed before the autosave): those are newer and win.
 * A question answered on only one side is kept either way.
 */
export function mergeAnswers(
  server: Answers | null | undefined,
  local: Answers | null | undefined,
  localUnsynced: boolean,
): Answers {
  const fromServer = server ?? {};
  const fromLocal = local ?? {};
  return localUnsynced ? { ...fromServer, ...fromLocal } : { ...fromLocal, ...fromServer };
}

/** True when the two answer sets differ, i.e. the merged result still has to reach the server. */
export function answersDiffer(a: Answers, b: Answers): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    if (JSON.stringify(a[key]) !== JSON.stringify(b[key])) return true;
  }
  return false;
}
