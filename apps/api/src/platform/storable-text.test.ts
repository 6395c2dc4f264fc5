import { describe, expect, it } from "vitest";
import { containsUnstorableText } from "./storable-text";

describe("containsUnstorableText", () => {
  it.each([
    ["a\u0000b", true],
    ["\ud800", true],
    ["x\udfff", true],
    ["\udfff\ud800", true],
    ["😀", false],
    ["\ud83d\ude00 ok", false],
    ["\u202Eevil", false],
    ["居民", false],
    ["", false],
  ])("%j → %s", (text, expected) => {
    expect(containsUnstorableText(text)).toBe(expected);
  });

  it("looks into arrays, nested objects and keys, not into buffers", () => {
    expect(containsUnstorableText({ a: [{ b: ["ok", "no\u0000"] }] })).toBe(true);
    expect(containsUnstorableText({ "key\u0000": 1 })).toBe(true);
    expect(containsUnstorableText({ a: [1, true, null, { b: "fine" }] })).toBe(false);
    expect(containsUnstorableText(Buffer.from([0, 0, 0]))).toBe(false);
    expect(containsUnstorableText(undefined)).toBe(false);
  });
});
