import { inspectDefinition } from "./inspect-definition";
import { markupProblems } from "./markup-problems";

export type DefinitionValidation = { ok: true } | { ok: false; problems: string[] };

/** Whether a questionnaire definition can be used for a wave; problems are admin-facing sentences. */
export function validateDefinition(json: unknown): DefinitionValidation {
  // Checked on the raw JSON first: survey-core would load the markup the resident page then renders.
  const markup = typeof json === "object" && json !== null ? markupProblems(json) : [];
  if (markup.length > 0) return { ok: false, problems: markup };
  const check = inspectDefinition(json);
  return check.ok ? { ok: true } : { ok: false, problems: check.problems };
}
