import type { AnswerCode } from "./questionnaire-items";

export interface ConditionContext {
  /** Question name → its wording. */
  titles: ReadonlyMap<string, string>;
  /** Question name → its answer codes and labels. */
  labels: ReadonlyMap<string, readonly AnswerCode[]>;
}

const OPERATORS: Record<string, string> = {
  "=": "是",
  "==": "是",
  "!=": "不是",
  "<>": "不是",
  ">": "大于",
  ">=": "不小于",
  "<": "小于",
  "<=": "不大于",
  anyof: "是其中之一：",
  allof: "包括全部：",
  noneof: "不是其中任何一个：",
  contains: "包括",
  notcontains: "不包括",
};

const VALUE = String.raw`'[^']*'|"[^"]*"|\[[^\]]*\]|[^\s)]+`;
const COMPARISON = new RegExp(
  String.raw`\{([^}]+)\}\s*(==|=|!=|<>|>=|<=|>|<|anyof|allof|noneof|notcontains|contains)\s*(${VALUE})`,
  "gi",
);
const EMPTINESS = /\{([^}]+)\}\s+(notempty|empty)\b/gi;

/**
 * A SurveyJS condition (`visibleIf`) in words for the office and for interviewers: `{liv_housing} <= 2 and
 * {years_resident} notempty` → 当“您对自己现在的住房条件满意吗？”的回答不大于“2 不太满意”，并且“您在松江居住了多长时间？”已回答时. Parts
 * it does not know are kept as written, so nothing of the condition is hidden.
 */
export function describeCondition(expression: string, context: ConditionContext): string {
  const question = (name: string) => `“${context.titles.get(name.trim()) ?? name.trim()}”`;
  const answer = (name: string, raw: string) => {
    const values = raw.startsWith("[") ? splitList(raw.slice(1, -1)) : [unquote(raw)];
    const codes = context.labels.get(name.trim()) ?? [];
    return values
      .map((value) => {
        const label = codes.find((code) => String(code.code) === value)?.label;
        return label ? `“${value} ${label}”` : `“${value}”`;
      })
      .join("、");
  };
  const words = expression
    .replace(COMPARISON, (_, name: string, operator: string, value: string) => {
      const said = OPERATORS[operator.toLowerCase()] ?? operator;
      return `${question(name)}的回答${said}${answer(name, value)}`;
    })
    .replace(EMPTINESS, (_, name: string, test: string) => `${question(name)}${test === "empty" ? "未回答" : "已回答"}`)
    .replace(/\s+and\s+/gi, "，并且")
    .replace(/\s+or\s+/gi, "，或者")
    .replace(/\bnot\s+/gi, "不是 ");
  return `当${words}时才回答`;
}

function unquote(value: string): string {
  return value.replace(/^['"]|['"]$/g, "");
}

function splitList(list: string): string[] {
  return list
    .split(",")
    .map((part) => unquote(part.trim()))
    .filter((part) => part !== "");
}
