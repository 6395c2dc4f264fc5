import type { DimensionCode, DomainCode } from "./codes";
import { COMMENT_MAX_LENGTH, codedChoices, POLICY_AWARENESS, satisfactionChoices } from "./default-questionnaire";

/** The kinds of question the studio offers, each with its SurveyJS shape and scoring properties. */
export const EDITOR_ITEM_KINDS = [
  "satisfaction",
  "policy",
  "single",
  "multiple",
  "text",
  "demographic",
  "overall",
] as const;
export type EditorItemKind = (typeof EDITOR_ITEM_KINDS)[number];

export const EDITOR_ITEM_KIND_LABELS: Record<EditorItemKind, string> = {
  satisfaction: "满意度（5级）",
  policy: "政策知晓",
  single: "单选题",
  multiple: "多选题",
  text: "开放题（文字）",
  demographic: "基本情况（单选）",
  overall: "总体满意度",
};

type Element = Record<string, unknown>;

/** Which studio kind an element of a definition is; null for what the studio does not edit (left as it is). */
export function editorKindOf(element: Element): EditorItemKind | null {
  const kind = element.itemKind;
  if (kind === "satisfaction" || kind === "policy" || kind === "demographic" || kind === "overall") return kind;
  if (kind !== undefined) return null;
  if (element.type === "radiogroup" || element.type === "dropdown") return "single";
  if (element.type === "checkbox") return "multiple";
  if (element.type === "comment" || element.type === "text") return "text";
  return null;
}

/**
 * An element of the given kind. `from` is the element being changed (its wording, note, condition and other
 * properties are kept; choices too where both kinds have editable choices).
 */
export function itemOfKind(
  kind: EditorItemKind,
  name: string,
  options: { from?: Element; dimension?: DimensionCode; domain?: DomainCode } = {},
): Element {
  const {
    itemKind: _kind,
    dimension: _dimension,
    domain: _domain,
    choices: oldChoices,
    type: _type,
    colCount: _colCount,
    maxLength: _maxLength,
    rows: _rows,
    ...kept
  } = options.from ?? {};
  const base = { title: "", isRequired: true, ...kept, name };
  const editableChoices =
    Array.isArray(oldChoices) && ["single", "multiple", "demographic"].includes(editorKindOf(options.from ?? {}) ?? "")
      ? oldChoices
      : codedChoices(["选项一", "选项二"]);
  switch (kind) {
    case "satisfaction":
      return {
        ...base,
        type: "radiogroup",
        colCount: 1,
        choices: satisfactionChoices(true),
        itemKind: "satisfaction",
        dimension: options.dimension ?? "living",
        domain: options.domain ?? "living_environment",
      };
    case "overall":
      return { ...base, type: "radiogroup", colCount: 1, choices: satisfactionChoices(false), itemKind: "overall" };
    case "policy":
      return { ...base, type: "radiogroup", colCount: 1, choices: codedChoices(POLICY_AWARENESS), itemKind: "policy" };
    case "demographic":
      return { ...base, type: "radiogroup", colCount: 1, choices: editableChoices, itemKind: "demographic" };
    case "single":
      return { ...base, type: "radiogroup", colCount: 1, choices: editableChoices };
    case "multiple":
      return { ...base, type: "checkbox", colCount: 1, choices: editableChoices };
    case "text":
      return { ...base, type: "comment", isRequired: false, maxLength: COMMENT_MAX_LENGTH, rows: 4 };
  }
}

const NAME_PREFIXES: Record<string, string> = {
  living: "liv",
  public_services: "svc",
  environment: "env",
  governance: "gov",
  policy: "policy",
  demographic: "demo",
};

/**
 * A new question name that no version of the questionnaire has used: `<area>_v<version>_<n>`, e.g. `liv_v2_1`.
 * Names are how trends match items across years, so a new item never takes a name an old item had.
 */
export function newItemName(
  taken: Iterable<string>,
  version: number,
  hint: { dimension?: string | null; kind?: string | null },
): string {
  const used = new Set(taken);
  const prefix = NAME_PREFIXES[hint.dimension ?? ""] ?? NAME_PREFIXES[hint.kind ?? ""] ?? "q";
  for (let n = 1; ; n++) {
    const name = `${prefix}_v${version}_${n}`;
    if (!used.has(name)) return name;
  }
}
