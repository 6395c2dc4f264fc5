import { describe, expect, it } from "vitest";
import {
  type IdNumberProblem,
  idNumberCheckChar,
  idNumberProblemMessages,
  makeIdNumber,
  normalizeIdNumber,
  parseIdNumber,
  underageMessage,
} from "./id-number";

// Noon in Shanghai on 15 June 2024.
const today = new Date("2024-06-15T04:00:00Z");

function reasonOf(input: string, options = { today }): IdNumberProblem | "ok" {
  const result = parseIdNumber(input, options);
  return result.ok ? "ok" : result.reason;
}

describe("idNumberCheckChar", () => {
  it("matches the worked examples of GB 11643-1999", () => {
    expect(idNumberCheckChar("11010519491231002")).toBe("X");
    expect(idNumberCheckChar("44052418800101001")).toBe("4");
  });

  it("refuses anything but 17 digits", () => {
    expect(() => idNumberCheckChar("1101051949123100")).toThrow(RangeError);
    expect(() => idNumberCheckChar("1101051949123100A")).toThrow(RangeError);
  });

  it("makeIdNumber appends the check character", () => {
    expect(makeIdNumber("11010519491231002")).toBe("11010519491231002X");
    expect(makeIdNumber("31011720060616001")).toBe("31011720060616001X");
  });
});

describe("normalizeIdNumber", () => {
  it("trims, removes inner and full-width spaces, and upper-cases x", () => {
    expect(normalizeIdNumber("  110105 1949 1231 002x \t")).toBe("11010519491231002X");
    expect(normalizeIdNumber("110105\u300019491231002X")).toBe("11010519491231002X");
  });

  it("turns full-width digits and letters into half-width ones", () => {
    expect(normalizeIdNumber("１１０１０５１９４９１２３１００２ｘ")).toBe("11010519491231002X");
    expect(normalizeIdNumber("１１０１０５１９４９１２３１００２Ｘ")).toBe("11010519491231002X");
  });

  it("leaves other characters for the parser to refuse", () => {
    expect(normalizeIdNumber("1101-05")).toBe("1101-05");
  });
});

describe("parseIdNumber: valid numbers", () => {
  it("accepts a number ending in X and derives everything from it", () => {
    const result = parseIdNumber("11010519491231002X", { today });
    expect(result).toEqual({
      ok: true,
      value: {
        normalized: "11010519491231002X",
        sex: "female",
        birthDate: "1949-12-31",
        birthYear: 1949,
        age: 74,
        ageGroup: "70+",
        registered: false,
        provinceCode: "11",
        regionCode: "110105",
      },
    });
  });

  it("accepts a lower-case x, full-width input and spaces", () => {
    for (const input of ["11010519491231002x", " 110105 19491231 002x ", "１１０１０５１９４９１２３１００２ｘ"]) {
      const result = parseIdNumber(input, { today });
      expect(result.ok && result.value.normalized).toBe("11010519491231002X");
    }
  });

  it("reads an odd 17th digit as male and an even one as female", () => {
    const male = parseIdNumber("310117198003074219", { today });
    const female = parseIdNumber("320102199001011240", { today });
    expect(male.ok && male.value.sex).toBe("male");
    expect(female.ok && female.value.sex).toBe("female");
  });

  it("marks numbers issued in the local city as registered (户籍), default prefix 31 = Shanghai", () => {
    const shanghai = parseIdNumber("310117198003074219", { today });
    const jiangsu = parseIdNumber("320102199001011240", { today });
    expect(shanghai.ok && shanghai.value.registered).toBe(true);
    expect(jiangsu.ok && jiangsu.value.registered).toBe(false);
    const nanjing = parseIdNumber("320102199001011240", { today, localPrefix: "3201" });
    expect(nanjing.ok && nanjing.value.registered).toBe(true);
    const songjiangOnly = parseIdNumber("310117198003074219", { today, localPrefix: "310104" });
    expect(songjiangOnly.ok && songjiangOnly.value.registered).toBe(false);
  });

  it("accepts Hong Kong, Macao and Taiwan residence permit numbers (81/82/83)", () => {
    for (const prefix of ["810000", "820000", "830000"]) {
      const number = makeIdNumber(`${prefix}19851111001`);
      const result = parseIdNumber(number, { today });
      expect(result.ok && result.value.provinceCode).toBe(prefix.slice(0, 2));
    }
  });

  it("derives age and age group on the given day", () => {
    const result = parseIdNumber("310117198003074219", { today });
    expect(result.ok && result.value).toMatchObject({ birthYear: 1980, age: 44, ageGroup: "40-49" });
  });
});

describe("parseIdNumber: the 18th birthday", () => {
  const turns18Today = "310117200606150014"; // born 2006-06-15
  const turns18Tomorrow = "31011720060616001X"; // born 2006-06-16

  it("is 18 on the birthday itself", () => {
    const result = parseIdNumber(turns18Today, { today });
    expect(result.ok && result.value).toMatchObject({ age: 18, ageGroup: "18-29" });
  });

  it("is 17 on the day before", () => {
    const result = parseIdNumber(turns18Tomorrow, { today });
    expect(result.ok && result.value).toMatchObject({ age: 17, ageGroup: "under-18" });
  });

  it("reads a Date as the calendar day in Shanghai, not in UTC", () => {
    // 16:30 UTC on 15 June is already 16 June in Shanghai.
    const lateEvening = new Date("2024-06-15T16:30:00Z");
    const result = parseIdNumber(turns18Tomorrow, { today: lateEvening });
    expect(result.ok && result.value.age).toBe(18);
    const justBefore = new Date("2024-06-15T15:59:59Z");
    const earlier = parseIdNumber(turns18Tomorrow, { today: justBefore });
    expect(earlier.ok && earlier.value.age).toBe(17);
  });
});

describe("parseIdNumber: birth dates", () => {
  it("accepts a leap day in a leap year", () => {
    const result = parseIdNumber("310117200402290023", { today });
    expect(result.ok && result.value.birthDate).toBe("2004-02-29");
  });

  it("refuses 29 February in a common year, and other dates that do not exist", () => {
    for (const date of ["20030229", "19000229", "19901301", "19900001", "19900100", "19900431", "19901232"]) {
      expect(reasonOf(makeIdNumber(`310117${date}001`))).toBe("bad_birth_date");
    }
  });

  it("refuses a year before 1900", () => {
    expect(reasonOf("440524188001010014")).toBe("bad_birth_date");
  });

  it("accepts a baby born today and refuses tomorrow", () => {
    const bornToday = parseIdNumber(makeIdNumber("31011720240615001"), { today });
    expect(bornToday.ok && bornToday.value.age).toBe(0);
    expect(reasonOf(makeIdNumber("31011720240616001"))).toBe("future_birth_date");
    expect(reasonOf(makeIdNumber("31011720990101001"))).toBe("future_birth_date");
  });
});

describe("parseIdNumber: problems", () => {
  it("empty input", () => {
    expect(reasonOf("")).toBe("empty");
    expect(reasonOf("   \u3000 ")).toBe("empty");
  });

  it("legacy 15-digit numbers get their own reason", () => {
    expect(reasonOf("310117800307421")).toBe("legacy_15_digit");
    expect(reasonOf(" 3101 1780 0307 421 ")).toBe("legacy_15_digit");
  });

  it("wrong length", () => {
    expect(reasonOf("31011719800307421")).toBe("wrong_length"); // 17
    expect(reasonOf("3101171980030742190")).toBe("wrong_length"); // 19
    expect(reasonOf("31011719800307X")).toBe("wrong_length"); // 15 with X is no legacy number
    expect(reasonOf("1")).toBe("wrong_length");
  });

  it("bad characters, including an X anywhere but last", () => {
    expect(reasonOf("31011719800307421A")).toBe("bad_characters");
    expect(reasonOf("3101171980-0307421")).toBe("bad_characters");
    expect(reasonOf("31011719800307X219")).toBe("bad_characters");
    expect(reasonOf("31011719800307421XX")).toBe("bad_characters");
    expect(reasonOf("身份证")).toBe("bad_characters");
  });

  it("unknown region: province codes that do not exist", () => {
    for (const prefix of ["000000", "100000", "160000", "240000", "300000", "380000", "470000", "550000", "660000"]) {
      expect(reasonOf(makeIdNumber(`${prefix}19800307421`))).toBe("unknown_region");
    }
    for (const prefix of ["700000", "720000", "800000", "840000", "900000", "990000"]) {
      expect(reasonOf(makeIdNumber(`${prefix}19800307421`))).toBe("unknown_region");
    }
  });

  it("every real province code passes the region check", () => {
    const real = [11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46];
    real.push(50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83);
    for (const code of real) expect(reasonOf(makeIdNumber(`${code}010219800307421`))).toBe("ok");
  });

  it("a wrong check character", () => {
    expect(reasonOf("11010519491231002Y")).toBe("bad_characters");
    expect(reasonOf("110105194912310021")).toBe("bad_check_digit");
    expect(reasonOf("310117198003074210")).toBe("bad_check_digit");
    expect(reasonOf("31011719800307421X")).toBe("bad_check_digit");
  });

  it("detects every single-digit typo in the sequence code and every swap of adjacent digits", () => {
    const valid = "310117198003074219";
    for (let position = 14; position < 18; position++) {
      for (const digit of "0123456789X") {
        if (digit === valid[position] || (digit === "X" && position < 17)) continue;
        const typo = valid.slice(0, position) + digit + valid.slice(position + 1);
        expect(reasonOf(typo), typo).toBe("bad_check_digit");
      }
    }
    for (let position = 0; position < 16; position++) {
      const a = valid[position] ?? "";
      const b = valid[position + 1] ?? "";
      if (a === b) continue;
      const swapped = valid.slice(0, position) + b + a + valid.slice(position + 2);
      expect(reasonOf(swapped), swapped).not.toBe("ok");
    }
  });

  it("has a Chinese message for every problem", () => {
    const problems: IdNumberProblem[] = [
      "empty",
      "legacy_15_digit",
      "wrong_length",
      "bad_characters",
      "unknown_region",
      "bad_birth_date",
      "future_birth_date",
      "bad_check_digit",
    ];
    expect(Object.keys(idNumberProblemMessages).sort()).toEqual([...problems].sort());
    for (const problem of problems) expect(idNumberProblemMessages[problem]).toMatch(/[\u4e00-\u9fff].*。$/);
    expect(idNumberProblemMessages.legacy_15_digit).toBe("您输入的是15位旧版身份证号码，请输入18位的居民身份证号码。");
  });

  it("names the minimum age in the underage message", () => {
    expect(underageMessage(18)).toContain("年满18周岁");
    expect(underageMessage(16)).toContain("未满16周岁");
  });
});
