import { describe, expect, it } from "vitest";
import { maskPhone, normalizePhone, phoneLast4, phoneProblemMessage } from "./phone";

describe("normalizePhone", () => {
  it("accepts every mobile range 13x to 19x", () => {
    for (const second of "3456789") expect(normalizePhone(`1${second}812345678`)).toBe(`1${second}812345678`);
  });

  it("accepts the +86, 86 and 0086 prefixes", () => {
    for (const input of [
      "+8613812345678",
      "8613812345678",
      "008613812345678",
      "+86 138 1234 5678",
      "0086-138-1234-5678",
    ]) {
      expect(normalizePhone(input), input).toBe("13812345678");
    }
  });

  it("ignores spaces, dashes and full-width characters", () => {
    for (const input of [
      " 138 1234 5678 ",
      "138-1234-5678",
      "138\u30001234\u30005678",
      "１３８１２３４５６７８",
      "＋８６ １３８－１２３４－５６７８",
      "138\u20141234\u20135678",
    ]) {
      expect(normalizePhone(input), input).toBe("13812345678");
    }
  });

  it("refuses 10x, 11x and 12x", () => {
    expect(normalizePhone("10812345678")).toBeNull();
    expect(normalizePhone("11812345678")).toBeNull();
    expect(normalizePhone("12812345678")).toBeNull();
    expect(normalizePhone("+8612812345678")).toBeNull();
  });

  it("refuses 10 and 12 digits", () => {
    expect(normalizePhone("1381234567")).toBeNull();
    expect(normalizePhone("138123456789")).toBeNull();
    expect(normalizePhone("+86138123456789")).toBeNull();
    expect(normalizePhone("86138123456")).toBeNull();
  });

  it("refuses landlines, other countries and letters", () => {
    expect(normalizePhone("021-57781234")).toBeNull();
    expect(normalizePhone("02157781234")).toBeNull();
    expect(normalizePhone("57781234")).toBeNull();
    expect(normalizePhone("+85291234567")).toBeNull();
    expect(normalizePhone("+113812345678")).toBeNull();
    expect(normalizePhone("1381234567a")).toBeNull();
    expect(normalizePhone("86+13812345678")).toBeNull();
    expect(normalizePhone("")).toBeNull();
  });

  it("reads an 11-digit number that starts with 86 as a number, not a prefix", () => {
    expect(normalizePhone("86123456789")).toBeNull();
  });
});

describe("maskPhone", () => {
  it("keeps the first 3 and last 4 digits", () => {
    expect(maskPhone("13812345678")).toBe("138****5678");
    expect(maskPhone("+86 139-0000-1111")).toBe("139****1111");
  });

  it("shows no more than the last 4 characters of anything else", () => {
    expect(maskPhone("02157781234")).toBe("*******1234");
    expect(maskPhone("123")).toBe("123");
  });
});

describe("phoneLast4 and the message", () => {
  it("keeps the last 4 digits", () => {
    expect(phoneLast4("13812345678")).toBe("5678");
  });

  it("tells the resident in Chinese what is accepted", () => {
    expect(phoneProblemMessage).toContain("11位");
    expect(phoneProblemMessage).toMatch(/手机号码/);
  });
});
