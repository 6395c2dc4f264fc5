import { buildDefaultQuestionnaire } from "@survey/questionnaire";
import { describe, expect, it } from "vitest";
import { answerLabel, entryModel, formatEntry, parseEntry, visibleFields } from "./entry-fields";

const model = entryModel(buildDefaultQuestionnaire());
const fields = visibleFields(model, {});
const field = (name: string) => {
  const found = fields.find((item) => item.name === name);
  if (!found) throw new Error(`no field ${name}`);
  return found;
};

describe("entering a paper questionnaire by answer codes", () => {
  it("lists every question of the default questionnaire with the codes printed on paper", () => {
    const income = field("liv_income");
    expect(income).toMatchObject({ kind: "choice", required: true, multiple: false });
    expect(income.kind === "choice" && income.choices.map((choice) => choice.code)).toEqual([
      "5",
      "4",
      "3",
      "2",
      "1",
      "8",
      "9",
    ]);
    expect(field("comment")).toMatchObject({ kind: "text", required: false });
  });

  it.each([
    ["5", { ok: true, value: 5 }],
    [" 8 ", { ok: true, value: 8 }],
    ["", { ok: true, value: undefined }],
    ["7", { ok: false, message: "没有代码 7，可填：5、4、3、2、1、8、9" }],
    ["x", { ok: false, message: "没有代码 x，可填：5、4、3、2、1、8、9" }],
  ])("reads %j on a satisfaction item", (raw, expected) => {
    expect(parseEntry(field("liv_income"), raw)).toEqual(expected);
  });

  it("echoes the label of a code and types a stored answer back as its code", () => {
    expect(answerLabel(field("liv_income"), 4)).toBe("比较满意");
    expect(formatEntry(field("liv_income"), 9)).toBe("9");
    expect(parseEntry(field("comment"), "多建社区食堂")).toEqual({ ok: true, value: "多建社区食堂" });
  });
});
