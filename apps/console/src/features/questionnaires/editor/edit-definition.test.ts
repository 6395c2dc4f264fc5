import { buildDefaultQuestionnaire, listQuestionnaireItems } from "@survey/questionnaire";
import { describe, expect, it } from "vitest";
import * as edit from "./edit-definition";

const CONDITION = "{liv_housing} <= 2";

/** The default questionnaire with a follow-up question asked only of those unhappy with their housing. */
function withCondition(): edit.Definition {
  const definition = edit.normalise(buildDefaultQuestionnaire());
  const living = definition.pages[0] as edit.Page;
  living.elements.push({ type: "comment", name: "liv_housing_why", title: "为什么不满意？", visibleIf: CONDITION });
  return definition;
}

const last = (definition: edit.Definition, page = 0) => definition.pages[page]?.elements.at(-1) as edit.Element;

describe("editing a definition in the studio", () => {
  it("keeps an existing condition through rewording, a change of kind and a move, and says it in words", () => {
    let definition = withCondition();
    const index = (definition.pages[0]?.elements.length ?? 0) - 1;
    definition = edit.updateElement(definition, 0, index, { title: "请说说不满意的原因" });
    definition = edit.changeKind(definition, 0, index, "single");
    definition = edit.moveElement(definition, 0, index, 1);
    const moved = definition.pages[1]?.elements[0] as edit.Element;
    expect(moved).toMatchObject({ name: "liv_housing_why", title: "请说说不满意的原因", visibleIf: CONDITION });
    const item = listQuestionnaireItems(definition).find((entry) => entry.name === "liv_housing_why");
    expect(item?.condition).toBe("当“您对自己现在的住房条件满意吗？”的回答不大于“2 不太满意”时才回答");
  });

  it("names a new item with a name no version has used, and a duplicate with another", () => {
    const start = edit.normalise(buildDefaultQuestionnaire());
    const context = { version: 3, usedNames: ["liv_v3_1"] };
    const added = edit.addElement(start, 0, "satisfaction", context);
    expect(added.name).toBe("liv_v3_2");
    expect(last(added.definition)).toMatchObject({ itemKind: "satisfaction", dimension: "living", isRequired: true });
    const copy = edit.addElement(added.definition, 0, "satisfaction", {
      ...context,
      after: 0,
      copyOf: added.definition.pages[0]?.elements[0],
    });
    expect(copy.name).toBe("liv_v3_3");
    expect(copy.definition.pages[0]?.elements[1]).toMatchObject({
      name: "liv_v3_3",
      title: "您对家里目前的收入水平满意吗？",
    });
  });

  it("moves items up and down, across into the neighbouring area at an area's edge", () => {
    const start = edit.normalise(buildDefaultQuestionnaire());
    const names = (definition: edit.Definition, page: number) =>
      definition.pages[page]?.elements.map((element) => element.name);
    const down = edit.moveElement(start, 0, 0, 1);
    expect(names(down, 0)?.slice(0, 2)).toEqual(["liv_job_opportunities", "liv_income"]);
    const up = edit.moveElement(start, 1, 0, -1);
    expect(names(up, 0)?.at(-1)).toBe("svc_community_health");
    expect(edit.moveElement(start, 0, 0, -1)).toBe(start);
  });
});
