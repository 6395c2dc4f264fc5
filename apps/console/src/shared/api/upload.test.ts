import { describe, expect, it } from "vitest";
import { MAX_UPLOAD_BYTES, rowProblemsOf, uploadBody } from "./upload";

describe("uploadBody", () => {
  it("sends a CSV as text/csv without a charset, whatever its case", () => {
    const prepared = uploadBody(new File(["a,b\n"], "抽样框.CSV"));
    expect(prepared).toMatchObject({ contentType: "text/csv" });
  });

  it("sends a workbook with the .xlsx media type", () => {
    expect(uploadBody(new File(["PK"], "frame.xlsx"))).toMatchObject({
      contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    });
  });

  it("refuses other files and files over the limit before sending", () => {
    expect(uploadBody(new File(["x"], "frame.xls"))).toHaveProperty("problem");
    expect(uploadBody(new File(["x"], "frame.pdf"))).toHaveProperty("problem");
    expect(uploadBody(new File([new Uint8Array(MAX_UPLOAD_BYTES + 1)], "big.csv"))).toHaveProperty("problem");
  });
});

describe("rowProblemsOf", () => {
  it("reads row, column and message; a file-wide problem has no row", () => {
    expect(
      rowProblemsOf([
        { row: 3, column: "town_population", message: "应为数字" },
        { row: null, column: null, message: "文件是空的" },
      ]),
    ).toEqual([
      { row: 3, column: "town_population", message: "应为数字" },
      { row: null, column: null, message: "文件是空的" },
    ]);
  });

  it("takes a question name as the column", () => {
    expect(rowProblemsOf([{ row: 2, question: "income", message: "答案超出范围" }])).toEqual([
      { row: 2, column: "income", message: "答案超出范围" },
    ]);
  });

  it("is empty for anything that is not a list", () => {
    expect(rowProblemsOf(undefined)).toEqual([]);
    expect(rowProblemsOf({ row: 1 })).toEqual([]);
  });
});
