import { buildDefaultQuestionnaire } from "@survey/questionnaire";
import { describe, expect, it } from "vitest";
import { policyNotes } from "./policy-notes";

describe("policyNotes", () => {
  it("lists each policy of the default questionnaire with its explanation", () => {
    const notes = policyNotes(buildDefaultQuestionnaire());
    expect(notes.length).toBeGreaterThan(0);
    for (const note of notes) {
      expect(note.title).not.toMatch(/[:：?？]/);
      expect(note.text.length).toBeGreaterThan(10);
    }
  });

  it("reads policies inside panels and localized titles", () => {
    const notes = policyNotes({
      pages: [
        {
          elements: [
            {
              type: "panel",
              elements: [{ itemKind: "policy", title: { "zh-cn": "甲政策：知道吗" }, description: "说明甲" }],
            },
            { itemKind: "satisfaction", title: "不是政策", description: "x" },
          ],
        },
      ],
    });
    expect(notes).toEqual([{ title: "甲政策", text: "说明甲" }]);
  });
});
