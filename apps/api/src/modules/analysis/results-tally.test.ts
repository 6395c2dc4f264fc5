import { buildDefaultQuestionnaire, buildScoringMap } from "@survey/questionnaire";
import { describe, expect, it } from "vitest";
import { type CodeGroupRow, codeLayout, responseCodesHex } from "./data/response-codes";
import type { ScorePlanTable } from "./data/results-sql";
import { codeTable, tallyItems, tallyScores } from "./results-tally";

const scoring = buildScoringMap(buildDefaultQuestionnaire());
const layout = codeLayout(scoring);
const ANSWERS = [0, 1, 2, 3, 4, 5, 8, 9];

/** A small deterministic generator, so that a failure can be reproduced. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

/** Respondents as question → code (0 = blank), and their groups as the SQL hands them over. */
function respondents(towns: Record<string, number>, seed: number) {
  const next = random(seed);
  const people = Object.entries(towns).flatMap(([town, count]) =>
    Array.from({ length: count }, () => ({
      town,
      cell: next() < 0.5 ? "female|30-39" : "male|60-69",
      codes: Object.fromEntries(layout.map((question) => [question, ANSWERS[Math.floor(next() * 8)] as number])),
    })),
  );
  const groups = new Map<string, CodeGroupRow & { hex: string[] }>();
  for (const person of people) {
    const key = `${person.town}|${person.cell}`;
    const group = groups.get(key) ?? {
      townCode: person.town,
      cell: person.cell,
      respondents: 0,
      codes: new Uint8Array(),
      hex: [],
    };
    const answered = Object.entries(person.codes).flatMap(([question, code]) => (code ? [{ question, code }] : []));
    group.hex.push(responseCodesHex(scoring, answered));
    group.respondents++;
    groups.set(key, group);
  }
  const rows = [...groups.values()].map(({ hex, ...group }) => ({ ...group, codes: Buffer.from(hex.join(""), "hex") }));
  return { people, groups: rows };
}

const scoreOf = (question: string, code: number) => {
  const item = scoring.byName.get(question) ?? scoring.overall;
  return code === 0 ? null : (item?.scoreOf(code) ?? null);
};

describe("results tally over the respondents' code rows", () => {
  it("gives each town, cell and question the valid answers, Σs, Σs² and satisfied answers of its respondents", async () => {
    const { people, groups } = respondents({ T1: 40, T2: 25 }, 7);
    const rows = await tallyItems(codeTable(scoring, layout, 4), groups);
    for (const row of rows) {
      const own = people.filter((person) => person.town === row.townCode && person.cell === row.cell);
      const scores = own.flatMap((person) => {
        const score = scoreOf(row.question, person.codes[row.question] ?? 0);
        return score === null ? [] : [{ score, code: person.codes[row.question] ?? 0 }];
      });
      expect(row.valid).toBe(scores.length);
      expect(row.sum).toBe(scores.reduce((total, { score }) => total + score, 0));
      expect(row.sumOfSquares).toBe(scores.reduce((total, { score }) => total + score * score, 0));
      expect(row.satisfied).toBe(scores.filter(({ code }) => code >= 4).length);
    }
    // Every group × question somebody answered (blank for all: no row).
    expect(rows).toHaveLength(groups.length * layout.length);
  });

  it("forms every plan's u per respondent with the town's and the district's means and multipliers", async () => {
    const { people, groups } = respondents({ T1: 30, T2: 20, T3: 5 }, 11);
    const items = scoring.items.slice(0, 6).map((item) => item.name);
    // Two families: "overall" over six items, and two dimensions of three; T3 is outside the design.
    const next = random(3);
    const table: ScorePlanTable = {
      plans: ["overall", "dimension:a", "dimension:b"],
      families: [0, 1, 1],
      rows: ["T1", "T2"].flatMap((town) =>
        items.map((question, k) => ({
          town,
          question,
          townMean: 100 * next(),
          districtMean: 100 * next(),
          terms: [
            { plan: 0, townMultiplier: next(), districtMultiplier: next() },
            { plan: k < 3 ? 1 : 2, townMultiplier: k === 5 ? 0 : next(), districtMultiplier: next() },
          ],
        })),
      ),
    };
    const rows = await tallyScores(codeTable(scoring, layout, 4), table, groups);
    expect(new Set(rows.map((row) => row.townCode))).toEqual(new Set(["T1", "T2"]));
    for (const row of rows) {
      const j = table.plans.indexOf(row.plan);
      const expected = { contributing: 0, townSum: 0, townSumOfSquares: 0, districtSum: 0, districtSumOfSquares: 0 };
      for (const person of people.filter((p) => p.town === row.townCode && p.cell === row.cell)) {
        let town = 0;
        let district = 0;
        let valid = false;
        for (const plan of table.rows.filter((r) => r.town === person.town)) {
          const term = plan.terms.find((t) => t?.plan === j);
          const score = scoreOf(plan.question, person.codes[plan.question] ?? 0);
          if (!term || score === null) continue;
          valid = true;
          town += term.townMultiplier * (score - plan.townMean);
          district += term.districtMultiplier * (score - plan.districtMean);
        }
        if (!valid) continue;
        expected.contributing++;
        expected.townSum += town;
        expected.townSumOfSquares += town * town;
        expected.districtSum += district;
        expected.districtSumOfSquares += district * district;
      }
      expect(row.contributing).toBe(expected.contributing);
      for (const key of ["townSum", "townSumOfSquares", "districtSum", "districtSumOfSquares"] as const) {
        expect(row[key]).toBeCloseTo(expected[key], 9);
      }
    }
  });

  it("refuses code bytes that do not fit the respondents, and codes that are not answer codes", async () => {
    const table = codeTable(scoring, layout, 4);
    const short = { townCode: "T1", cell: null, respondents: 2, codes: new Uint8Array(layout.length) };
    await expect(tallyItems(table, [short])).rejects.toThrow(RangeError);
    const bad = { townCode: "T1", cell: null, respondents: 1, codes: new Uint8Array(layout.length).fill(40) };
    await expect(tallyItems(table, [bad])).rejects.toThrow(/not an answer code/);
  });
});
