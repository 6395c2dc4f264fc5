import { inspectDefinition } from "./inspect-definition";

export type DefinitionValidation = { ok: true } | { ok: false; problems: string[] };

/** Whether a questionnaire definition can be used for a wave; problems are admin-facing sentences. */
export function validateDefinition(json: unknown): DefinitionValidation {
  const check = inspectDefinition(json);
  return check.ok ? { ok: true } : { ok: false, problems: check.problems };
}
