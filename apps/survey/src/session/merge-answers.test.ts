import { describe, expect, it } from "vitest";
import { answersDiffer, mergeAnswers } from "./merge-answers";

describe("mergeAnswers", () => {
  it("lets unacknowledged local answers win over the server draft", () => {
    const server = { a: 1, b: 2 };
    const local = { b: 5, c: 3 };
    expect(mergeAnswers(server, local, true)).toEqual({ a: 1, b: 5, c: 3 });
  });

  it("lets the server draft win when everything local was acknowledged", () => {
    const server = { a: 1, b: 2 };
    const local = { b: 5, c: 3 };
    expect(mergeAnswers(server, local, false)).toEqual({ a: 1, b: 2, c: 3 });
  });

  it("copes with a missing side", () => {
    expect(mergeAnswers(null, { a: 1 }, true)).toEqual({ a: 1 });
    expect(mergeAnswers({ a: 1 }, undefined, true)).toEqual({ a: 1 });
    expect(mergeAnswers(null, null, false)).toEqual({});
  });
});

describe("answersDiffer", () => {
  it("compares values, not object identity", () => {
    expect(answersDiffer({ a: [1, 2] }, { a: [1, 2] })).toBe(false);
    expect(answersDiffer({ a: 1 }, { a: 2 })).toBe(true);
    expect(answersDiffer({ a: 1 }, { a: 1, b: 1 })).toBe(true);
  });
});
