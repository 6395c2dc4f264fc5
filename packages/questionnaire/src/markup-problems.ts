import type { DefinitionProblem } from "./inspect-definition";

/**
 * HTML or script anywhere in a questionnaire definition: the resident page renders `type: "html"` elements and
 * the `…Html` survey properties (completedHtml …) as markup, so a definition could run script on residents'
 * phones. Definitions are text only: no HTML elements, no `…Html` properties, no tags and no `javascript:` in
 * any string. Messages name where in the definition the problem is.
 */
const TAG = /<\s*\/?\s*[a-z!?]/i;
const SCRIPT_URL = /(?:java|vb)script\s*:/i;
const EVENT_ATTRIBUTE = /\bon[a-z]+\s*=/i;

export function markupProblems(json: unknown): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });
  const visit = (value: unknown, path: string) => {
    if (typeof value === "string") {
      if (TAG.test(value) || SCRIPT_URL.test(value) || (EVENT_ATTRIBUTE.test(value) && value.includes("<"))) {
        add(path, `${path} 含有 HTML 标记或脚本，问卷中只能使用纯文本`);
      }
      return;
    }
    if (Array.isArray(value)) {
      for (const [index, item] of value.entries()) visit(item, `${path}[${index}]`);
      return;
    }
    if (typeof value !== "object" || value === null) return;
    const record = value as Record<string, unknown>;
    if (typeof record.type === "string" && record.type.trim().toLowerCase() === "html") {
      add(path, `${path} 是 HTML 元素（type: "html"），问卷中不能使用 HTML 元素`);
      return;
    }
    for (const [key, child] of Object.entries(record)) {
      const childPath = path ? `${path}.${key}` : key;
      if (/html$/i.test(key) && child !== "" && child !== null && child !== undefined) {
        add(childPath, `${childPath} 是 HTML 属性，问卷中不能使用 HTML`);
        continue;
      }
      visit(child, childPath);
    }
  };
  visit(json, "");
  return problems;
}
