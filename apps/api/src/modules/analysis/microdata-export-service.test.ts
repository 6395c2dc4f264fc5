import { describe, expect, it } from "vitest";
import { csvField, widerAgeBand } from "./microdata-export-service";

describe("csvField", () => {
  it("leaves plain values and numbers alone, empty for missing", () => {
    expect(csvField("岳阳街道")).toBe("岳阳街道");
    expect(csvField(5)).toBe("5");
    expect(csvField(-1.5)).toBe("-1.5");
    expect(csvField(null)).toBe("");
    expect(csvField(undefined)).toBe("");
  });

  it("quotes commas, quotes and line breaks (RFC 4180)", () => {
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('他说"好"')).toBe('"他说""好"""');
    expect(csvField("一\n二")).toBe('"一\n二"');
  });

  it("defuses text a spreadsheet would run as a formula", () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField("+86")).toBe("'+86");
    expect(csvField("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvField("-x")).toBe("'-x");
  });
});

describe("widerAgeBand", () => {
  it("merges age groups into three bands at 40 and 60, and leaves what it cannot read", () => {
    expect(widerAgeBand("18-29")).toBe("18-39");
    expect(widerAgeBand("30-39")).toBe("18-39");
    expect(widerAgeBand("40-49")).toBe("40-59");
    expect(widerAgeBand("59")).toBe("40-59");
    expect(widerAgeBand("60-69")).toBe("60+");
    expect(widerAgeBand("70+")).toBe("60+");
    expect(widerAgeBand("")).toBe("");
    expect(widerAgeBand("未知")).toBe("未知");
  });
});
