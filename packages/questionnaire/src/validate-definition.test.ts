import { Serializer } from "survey-core";
import { describe, expect, it } from "vitest";
import { registerSurveyProperties } from "./survey-properties";
import { validateDefinition } from "./validate-definition";

const SCALE = [5, 4, 3, 2, 1, 8, 9];

function satisfactionItem(name: string, extra: Record<string, unknown> = {}) {
  return {
    type: "radiogroup",
    name,
    choices: SCALE,
    isRequired: true,
    itemKind: "satisfaction",
    dimension: "living",
    domain: "health",
    ...extra,
  };
}

function survey(elements: unknown[], extra: Record<string, unknown> = {}) {
  return { pages: [{ name: "p1", elements }], ...extra };
}

function problemsOf(json: unknown): string[] {
  const result = validateDefinition(json);
  return result.ok ? [] : result.problems;
}

describe("validateDefinition", () => {
  it("accepts a minimal scored questionnaire", () => {
    expect(validateDefinition(survey([satisfactionItem("a")]))).toEqual({ ok: true });
  });

  it("accepts satisfaction items without 8 and 9, and rating questions on 1–5", () => {
    const rating = { type: "rating", name: "r", rateValues: [1, 2, 3, 4, 5], itemKind: "satisfaction" };
    const json = survey([
      satisfactionItem("a", { choices: [1, 2, 3, 4, 5] }),
      { ...rating, dimension: "governance", domain: "culture" },
    ]);
    expect(validateDefinition(json)).toEqual({ ok: true });
  });

  it.each([
    ["null", null],
    ["an array", [1, 2]],
    ["a string", "{}"],
  ])("refuses %s", (_, json) => {
    expect(problemsOf(json)).toEqual(["问卷定义必须是一个 JSON 对象"]);
  });

  it("reports what survey-core cannot parse", () => {
    const problems = problemsOf(survey([satisfactionItem("a"), { type: "radiogroupp", name: "b" }]));
    expect(problems.some((problem) => problem.includes("radiogroupp"))).toBe(true);
    expect(problemsOf(survey([satisfactionItem("a", { colour: "red" })])).join()).toContain("colour");
  });

  it("needs at least one page and at least one satisfaction item", () => {
    expect(problemsOf({ title: "空问卷" }).join()).toMatch(/至少要有一页/);
    expect(problemsOf({ pages: [] }).join()).toMatch(/至少要有一页/);
    expect(problemsOf(survey([{ type: "comment", name: "c" }])).join()).toMatch(/至少要有一道满意度题/);
  });

  it("refuses duplicate question names, also across pages and panels", () => {
    const json = {
      pages: [
        { name: "p1", elements: [satisfactionItem("a")] },
        { name: "p2", elements: [{ type: "panel", name: "panel", elements: [{ type: "text", name: "a" }] }] },
      ],
    };
    expect(problemsOf(json)).toContain("题目名称重复：a");
  });

  it("needs dimension and domain from the fixed lists on every satisfaction item", () => {
    const missing = problemsOf(survey([satisfactionItem("a", { dimension: undefined, domain: undefined })]));
    expect(missing.filter((problem) => problem.includes("满意度题 a"))).toHaveLength(2);
    const wrong = problemsOf(survey([satisfactionItem("a", { dimension: "housing", domain: "sports" })]));
    expect(wrong.join()).toMatch(/dimension.*housing/);
    expect(wrong.join()).toMatch(/domain.*sports/);
  });

  it("refuses dimension or domain on a question that is not a satisfaction item", () => {
    const json = survey([satisfactionItem("a"), { type: "text", name: "t", domain: "health" }]);
    expect(problemsOf(json)).toEqual(["只有满意度题可以设置 dimension 和 domain：t"]);
  });

  it("needs satisfaction and overall items to be single choices on the 1–5 codes", () => {
    for (const bad of [
      { choices: [1, 2, 3, 4] },
      { choices: [1, 2, 3, 4, 5, 6] },
      { choices: ["1", "2", "3", "4", "5"] },
      { type: "checkbox" },
      { type: "text", choices: undefined },
    ]) {
      expect(problemsOf(survey([satisfactionItem("a", bad)])).join(), JSON.stringify(bad)).toMatch(/评分题 a/);
    }
    const overall = { type: "radiogroup", name: "o", choices: ["yes", "no"], itemKind: "overall" };
    expect(problemsOf(survey([satisfactionItem("a"), overall])).join()).toMatch(/评分题 o/);
  });

  it("allows one overall item only and only known item kinds", () => {
    const overall = (name: string) => ({ type: "radiogroup", name, choices: [1, 2, 3, 4, 5], itemKind: "overall" });
    expect(problemsOf(survey([satisfactionItem("a"), overall("o1"), overall("o2")])).join()).toMatch(/只能有一道/);
    const odd = { type: "text", name: "t", itemKind: "bonus" };
    expect(problemsOf(survey([satisfactionItem("a"), odd])).join()).toMatch(/itemKind 无效/);
  });

  it("needs policy and demographic items to have choices", () => {
    const policy = { type: "comment", name: "p", itemKind: "policy" };
    const demographic = { type: "radiogroup", name: "d", choices: [], itemKind: "demographic" };
    const problems = problemsOf(survey([satisfactionItem("a"), policy, demographic]));
    expect(problems).toEqual(["题目 p 必须是有选项的选择题", "题目 d 必须是有选项的选择题"]);
  });

  it("accepts the two score mappings and refuses others", () => {
    expect(validateDefinition(survey([satisfactionItem("a")], { scoreMapping: "20-100" }))).toEqual({ ok: true });
    expect(problemsOf(survey([satisfactionItem("a")], { scoreMapping: "0-10" })).join()).toMatch(/scoreMapping/);
  });
});

describe("registerSurveyProperties", () => {
  it("registers each custom property once however often it is called", () => {
    registerSurveyProperties();
    registerSurveyProperties();
    for (const name of ["itemKind", "dimension", "domain"]) {
      expect(
        Serializer.getProperties("radiogroup").filter((p) => p.name === name),
        name,
      ).toHaveLength(1);
    }
    expect(Serializer.getProperties("survey").filter((p) => p.name === "scoreMapping")).toHaveLength(1);
  });
});

describe("validateDefinition refuses HTML and script", () => {
  it("refuses an html element, also inside a panel", () => {
    const html = { type: "html", name: "x", html: "<img src=x onerror=alert(1)>" };
    expect(problemsOf(survey([satisfactionItem("a"), html]))).toEqual([
      'pages[0].elements[1] 是 HTML 元素（type: "html"），问卷中不能使用 HTML 元素',
    ]);
    const panel = { type: "panel", name: "p", elements: [{ ...html, type: "HTML" }] };
    expect(problemsOf(survey([satisfactionItem("a"), panel]))).toHaveLength(1);
  });

  it("refuses …Html survey properties and tags or javascript: in any text", () => {
    expect(problemsOf(survey([satisfactionItem("a")], { completedHtml: "<h3>谢谢</h3>" }))).toEqual([
      "completedHtml 是 HTML 属性，问卷中不能使用 HTML",
    ]);
    expect(problemsOf(survey([satisfactionItem("a", { title: "满意吗<script>alert(1)</script>" })]))).toEqual([
      "pages[0].elements[0].title 含有 HTML 标记或脚本，问卷中只能使用纯文本",
    ]);
    expect(
      problemsOf(survey([satisfactionItem("a", { description: { default: "x", "zh-cn": "<b onclick=x>" } })])),
    ).toHaveLength(1);
    expect(problemsOf(survey([satisfactionItem("a")], { navigateToUrl: "javascript:alert(1)" }))).toHaveLength(1);
  });

  it("accepts plain text with comparison signs and Chinese punctuation", () => {
    const titled = satisfactionItem("a", { title: "您对社区治安（3 < 5 分为不满意）满意吗？" });
    expect(validateDefinition(survey([titled], { completedHtml: "" }))).toEqual({ ok: true });
  });
});
