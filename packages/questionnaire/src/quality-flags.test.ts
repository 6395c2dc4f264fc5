import { describe, expect, it } from "vitest";
import { type FlaggedResponse, qualityFlags } from "./quality-flags";

const ITEMS = ["a1", "a2", "a3", "a4", "a5", "a6"];
const varied = { a1: 5, a2: 4, a3: 4, a4: 3, a5: 5, a6: 8, overall: 4, comment: "" };
const start = new Date("2026-11-20T02:00:00Z");
const after = (seconds: number) => new Date(start.getTime() + seconds * 1000);

function response(id: string, overrides: Partial<FlaggedResponse> = {}): FlaggedResponse {
  return {
    id,
    mode: "online",
    communityCode: "c1",
    sex: "female",
    birthYear: 1970,
    answers: varied,
    startedAt: start,
    submittedAt: after(600),
    voided: false,
    ...overrides,
  };
}

const flagsOf = (responses: FlaggedResponse[], minSecondsPerQuestion = 2) =>
  Object.fromEntries(qualityFlags(responses, { satisfactionItems: ITEMS, minSecondsPerQuestion }));

describe("quality flags", () => {
  // 7 answered questions (the blank comment does not count) at 2 s each: under 14 s is too fast.
  it.each([
    ["a careful online response", response("r"), []],
    ["under the threshold per answered question", response("r", { submittedAt: after(13) }), ["too_fast"]],
    ["exactly at the threshold", response("r", { submittedAt: after(14) }), []],
    [
      "a paper entry has no start and is never too fast",
      response("r", { mode: "interviewer", startedAt: null, submittedAt: start }),
      [],
    ],
    [
      "the same code on every satisfaction item",
      response("r", { answers: { a1: 4, a2: 4, a3: 4, a4: 4, a5: 4, a6: 4, overall: 2 } }),
      ["straight_lining"],
    ],
    [
      "don't know everywhere is also the same answer",
      response("r", { answers: Object.fromEntries(ITEMS.map((n) => [n, 8])) }),
      ["straight_lining"],
    ],
    ["the same code on too few answered items", response("r", { answers: { a1: 4, a2: 4, a3: 4, a4: 4 } }), []],
  ])("%s", (_, input, expected) => {
    expect(flagsOf([input]).r).toEqual(expected);
  });

  it("turns the speed rule off at 0 seconds", () => {
    expect(flagsOf([response("r", { submittedAt: after(1) })], 0).r).toEqual([]);
  });

  it("flags a paper entry that repeats another response's community, sex, birth year and answers", () => {
    const online = response("online");
    const paper = response("paper", { mode: "import", startedAt: null, answers: { ...varied, comment: undefined } });
    const otherCommunity = response("elsewhere", { mode: "interviewer", startedAt: null, communityCode: "c2" });
    const otherYear = response("older", { mode: "interviewer", startedAt: null, birthYear: 1969 });
    const otherAnswer = response("differs", { mode: "interviewer", startedAt: null, answers: { ...varied, a6: 9 } });
    expect(flagsOf([online, paper, otherCommunity, otherYear, otherAnswer])).toEqual({
      // The online response is the resident's own; only the paper entry is suspect.
      online: [],
      paper: ["duplicate_entry"],
      elsewhere: [],
      older: [],
      differs: [],
    });
  });

  it("flags both of two identical paper entries, and neither once one of them is void", () => {
    const first = response("first", { mode: "interviewer", startedAt: null, sex: null, birthYear: null });
    const second = response("second", { ...first, id: "second" });
    expect(flagsOf([first, second])).toEqual({ first: ["duplicate_entry"], second: ["duplicate_entry"] });
    expect(flagsOf([first, { ...second, voided: true }])).toEqual({ first: [], second: ["duplicate_entry"] });
  });
});
