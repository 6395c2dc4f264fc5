import { listQuestionnaireItems, type QuestionnaireItem } from "./questionnaire-items";

/** How a draft differs from the version it was copied from, question by question (matched by name). */
export interface VersionChanges {
  added: QuestionnaireItem[];
  removed: QuestionnaireItem[];
  reworded: { name: string; before: string; after: string }[];
  /** A satisfaction item now mapped to another objective domain (or area). */
  remapped: {
    name: string;
    title: string;
    before: { dimension: string | null; domain: string | null };
    after: { dimension: string | null; domain: string | null };
  }[];
  /** The answer codes or their labels changed. */
  recoded: { name: string; title: string }[];
  /** Unchanged names: these items are compared across the two years. */
  kept: number;
}

const codesKey = (item: QuestionnaireItem) => JSON.stringify(item.codes);

export function compareVersions(source: unknown, draft: unknown): VersionChanges {
  const before = new Map(listQuestionnaireItems(source).map((item) => [item.name, item]));
  const after = listQuestionnaireItems(draft);
  const afterNames = new Set(after.map((item) => item.name));
  const changes: VersionChanges = {
    added: [],
    removed: [...before.values()].filter((item) => !afterNames.has(item.name)),
    reworded: [],
    remapped: [],
    recoded: [],
    kept: 0,
  };
  for (const item of after) {
    const old = before.get(item.name);
    if (!old) {
      changes.added.push(item);
      continue;
    }
    changes.kept++;
    if (old.title !== item.title) changes.reworded.push({ name: item.name, before: old.title, after: item.title });
    if (old.domain !== item.domain || old.dimension !== item.dimension) {
      changes.remapped.push({
        name: item.name,
        title: item.title,
        before: { dimension: old.dimension, domain: old.domain },
        after: { dimension: item.dimension, domain: item.domain },
      });
    }
    if (codesKey(old) !== codesKey(item)) changes.recoded.push({ name: item.name, title: item.title });
  }
  return changes;
}
