import { describe, expect, it } from "vitest";
import { compareVersions } from "./compare-versions";
import { buildDefaultQuestionnaire } from "./default-questionnaire";
import { newItemName } from "./item-templates";
import { listQuestionnaireItems } from "./questionnaire-items";
import { validateDraft } from "./validate-definition";

type Page = { name: string; title?: string; elements: Record<string, unknown>[] };
const pagesOf = (definition: Record<string, unknown>) => definition.pages as Page[];

describe("listQuestionnaireItems", () => {
  const items = listQuestionnaireItems(buildDefaultQuestionnaire());

  it("lists every question in order with its area, domain and the codes an import accepts", () => {
    const income = items.find((item) => item.name === "liv_income");
    expect(income).toMatchObject({
      number: 1,
      kind: "satisfaction",
      form: "scale",
      area: { name: "living", title: "一、生活条件", number: 1 },
      domain: "employment_income",
      required: true,
    });
    expect(income?.codes).toEqual([
      { code: 5, label: "非常满意" },
      { code: 4, label: "比较满意" },
      { code: 3, label: "一般" },
      { code: 2, label: "不太满意" },
      { code: 1, label: "非常不满意" },
      { code: 8, label: "不了解" },
      { code: 9, label: "不适用" },
    ]);
    const comment = items.find((item) => item.name === "comment");
    expect(comment).toMatchObject({ form: "text", codes: [], maxLength: 1000, kind: null });
    expect(items.find((item) => item.name === "policy_family_doctor")?.note).toContain("家庭医生");
  });

  it("says a condition in words, with the wording and labels of the question it depends on", () => {
    const definition = buildDefaultQuestionnaire();
    const page = pagesOf(definition)[0] as Page;
    page.elements.push({ type: "comment", name: "why", title: "为什么？", visibleIf: "{liv_housing} <= 2" });
    const why = listQuestionnaireItems(definition).find((item) => item.name === "why");
    expect(why?.condition).toBe("当“您对自己现在的住房条件满意吗？”的回答不大于“2 不太满意”时才回答");
  });
});

describe("compareVersions", () => {
  it("names what was added, removed, reworded and re-mapped", () => {
    const source = buildDefaultQuestionnaire();
    const draft = buildDefaultQuestionnaire();
    const living = pagesOf(draft)[0] as Page;
    living.elements[0] = { ...living.elements[0], title: "您对家庭收入满意吗？" };
    living.elements[1] = { ...living.elements[1], domain: "social_security" };
    living.elements.splice(2, 1);
    living.elements.push({ ...living.elements[0], name: "liv_v2_1", title: "新题" });
    const changes = compareVersions(source, draft);
    expect(changes.reworded).toEqual([
      { name: "liv_income", before: "您对家里目前的收入水平满意吗？", after: "您对家庭收入满意吗？" },
    ]);
    expect(changes.remapped.map((item) => [item.name, item.before.domain, item.after.domain])).toEqual([
      ["liv_job_opportunities", "employment_income", "social_security"],
    ]);
    expect(changes.removed.map((item) => item.name)).toEqual(["liv_job_services"]);
    expect(changes.added.map((item) => item.name)).toEqual(["liv_v2_1"]);
    expect(changes.recoded).toEqual([]);
  });
});

describe("validateDraft", () => {
  it("reports each problem at the path of the field it concerns", () => {
    const draft = buildDefaultQuestionnaire();
    const living = pagesOf(draft)[0] as Page;
    living.title = "";
    living.elements[0] = { ...living.elements[0], domain: "moon" };
    living.elements[1] = { ...living.elements[1], title: " " };
    const result = validateDraft(draft);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.details.map((detail) => [detail.path, detail.question])).toEqual(
      expect.arrayContaining([
        ["pages[0].elements[0].domain", "liv_income"],
        ["pages[0].elements[1].title", "liv_job_opportunities"],
        ["pages[0].title", undefined],
      ]),
    );
  });

  it("refuses a name an earlier version used for another kind of item", () => {
    const draft = buildDefaultQuestionnaire();
    (pagesOf(draft)[0] as Page).elements.push({ type: "comment", name: "old_topic", title: "新的开放题" });
    const result = validateDraft(draft, [{ name: "old_topic", kind: "satisfaction", version: 1 }]);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.details[0]).toMatchObject({ path: "pages[0].elements[9].name", question: "old_topic" });
    expect(
      validateDraft(buildDefaultQuestionnaire(), [{ name: "liv_income", kind: "satisfaction", version: 1 }]),
    ).toEqual({
      ok: true,
    });
  });
});

describe("newItemName", () => {
  it("never hands out a name already taken", () => {
    expect(newItemName(["liv_v2_1", "liv_v2_2"], 2, { dimension: "living" })).toBe("liv_v2_3");
    expect(newItemName([], 3, { kind: "policy" })).toBe("policy_v3_1");
  });
});
