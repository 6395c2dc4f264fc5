import { describe, expect, it } from "vitest";
import { buildDefaultQuestionnaire } from "./default-questionnaire";
import { openQuestions } from "./open-questions";

describe("openQuestions", () => {
  it("finds the default questionnaire's comment box and nothing coded", () => {
    expect(openQuestions(buildDefaultQuestionnaire()).map((question) => question.name)).toEqual(["comment"]);
  });

  it("includes text boxes and the text beside 其他, not numeric boxes or coded items", () => {
    const definition = {
      pages: [
        {
          name: "p",
          elements: [
            {
              type: "radiogroup",
              name: "q1",
              title: "满意吗？",
              itemKind: "satisfaction",
              dimension: "living",
              domain: "health",
              choices: [5, 4, 3, 2, 1, 8, 9].map((value) => ({ value, text: String(value) })),
            },
            { type: "text", name: "street", title: "您住在哪条路？" },
            { type: "text", name: "years", title: "住了几年？", inputType: "number" },
            {
              type: "radiogroup",
              name: "transport",
              title: "出行方式",
              showOtherItem: true,
              choices: [{ value: 1, text: "公交" }],
            },
            { type: "comment", name: "note", title: "备注" },
          ],
        },
      ],
    };
    expect(openQuestions(definition)).toEqual([
      { name: "street", title: "您住在哪条路？" },
      { name: "note", title: "备注" },
      { name: "transport-Comment", title: "出行方式（其他，请注明）" },
    ]);
  });
});
