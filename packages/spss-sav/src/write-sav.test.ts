import { describe, expect, it } from "vitest";
import { readWithPspp } from "./read-with-pspp";
import { type SavVariable, stringWidthFor, utf8Truncated, writeSav } from "./write-sav";

const SATISFACTION = {
  1: "非常不满意",
  2: "不太满意",
  3: "一般",
  4: "比较满意",
  5: "非常满意",
  8: "不了解",
  9: "不适用",
};

const variables: SavVariable[] = [
  { kind: "numeric", name: "row_number", label: "序号" },
  { kind: "string", name: "town", label: "街镇", width: stringWidthFor(["岳阳街道", "泗泾镇"]) },
  {
    kind: "numeric",
    name: "liv_income",
    label: "您对家里目前的收入水平满意吗？",
    valueLabels: SATISFACTION,
    missing: [8, 9],
    measure: "ordinal",
  },
  { kind: "numeric", name: "weight", label: "设计权数", decimals: 4 },
  // Longer than 8 bytes: takes continuation records.
  { kind: "string", name: "long_text_variable", label: "长文字", width: 30 },
];

describe("writeSav read back by PSPP", () => {
  const file = readWithPspp(
    writeSav(
      variables,
      [
        [1, "岳阳街道", 5, 1234.5678, "一二三四五六七八九十"],
        [2, "泗泾镇", 9, null, ""],
        [3, "", 8, 0.5, "abc"],
      ],
      { fileLabel: "测试文件", createdAt: new Date("2026-05-01T08:00:00Z") },
    ),
  );

  it("keeps names, labels in Chinese, formats and user-missing values", () => {
    expect(file.variables.map((variable) => [variable.name, variable.label, variable.printFormat])).toEqual([
      ["row_number", "序号", "F8.0"],
      ["town", "街镇", "A12"],
      ["liv_income", "您对家里目前的收入水平满意吗？", "F8.0"],
      ["weight", "设计权数", "F12.4"],
      ["long_text_variable", "长文字", "A30"],
    ]);
    expect(file.variables[2]?.missing).toEqual(["8", "9"]);
    expect(file.variables[0]?.missing).toEqual([]);
  });

  it("keeps every value label", () => {
    expect(Object.fromEntries(file.valueLabels.get("liv_income") ?? [])).toEqual(
      Object.fromEntries(Object.entries(SATISFACTION)),
    );
    expect(file.valueLabels.has("row_number")).toBe(false);
  });

  it("keeps the values, system-missing as blank", () => {
    expect(file.header).toEqual(variables.map((variable) => variable.name));
    expect(file.rows.map((row) => row.map((value) => value.trim()))).toEqual([
      ["1", "岳阳街道", "5", "1234.5678", "一二三四五六七八九十"],
      ["2", "泗泾镇", "9", "", ""],
      ["3", "", "8", "0.5", "abc"],
    ]);
  });
});

describe("writeSav", () => {
  it("refuses names SPSS would not accept and duplicates", () => {
    expect(() => writeSav([{ kind: "numeric", name: "1abc" }], [])).toThrow(/invalid variable name/);
    expect(() =>
      writeSav(
        [
          { kind: "numeric", name: "a" },
          { kind: "numeric", name: "A" },
        ],
        [],
      ),
    ).toThrow(/duplicate/);
    expect(() => writeSav([{ kind: "numeric", name: "a" }], [[1, 2]])).toThrow(/values/);
  });

  it("starts with the $FL2 header, the case count and bias 100", () => {
    const buffer = writeSav([{ kind: "numeric", name: "a" }], [[1], [2]]);
    expect(buffer.subarray(0, 4).toString()).toBe("$FL2");
    expect(buffer.readInt32LE(64)).toBe(2); // layout code
    expect(buffer.readInt32LE(80)).toBe(2); // cases
    expect(buffer.readDoubleLE(84)).toBe(100);
  });
});

describe("utf8Truncated", () => {
  it("never cuts a character in half", () => {
    expect(new TextDecoder().decode(utf8Truncated("满意度调查", 7))).toBe("满意");
    expect(utf8Truncated("abc", 10)).toHaveLength(3);
  });
});
