import type { DefinitionProblem } from "@survey/questionnaire";

/** The problems at a path or inside it (`pages[0].elements[2]` takes `….title`, `….choices[1].text` …). */
export function problemsUnder(problems: readonly DefinitionProblem[], path: string): DefinitionProblem[] {
  return problems.filter(
    (problem) => problem.path === path || problem.path.startsWith(`${path}.`) || problem.path.startsWith(`${path}[`),
  );
}

/** The first message exactly at a field's path (or inside it), for the line under that field. */
export function messageAt(problems: readonly DefinitionProblem[], path: string): string | undefined {
  return problemsUnder(problems, path)[0]?.message;
}

/** The id of the editor field a problem's path belongs to, so the summary can link to it. */
export function fieldIdOf(path: string): string {
  const field = /^(pages\[\d+\](?:\.elements\[\d+\])?)(?:\.(title|description|dimension|domain|choices))?/.exec(path);
  if (!field) return "studio-title";
  const base = (field[1] ?? "").replace(/[[\].]+/g, "-").replace(/-$/, "");
  return `studio-${base}-${field[2] ?? "title"}`;
}
