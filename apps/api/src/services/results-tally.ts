/**
 * The two passes of the satisfaction results over the respondents' code rows (data/response-codes.ts), in
 * Node: SQL hands over each town's (cell's) codes as one byte string, one scan of one short row per
 * respondent, and the per-respondent arithmetic — which PostgreSQL interprets one operator at a time — runs
 * here on typed arrays. The output is the per-town (per-cell) sums the estimators take (STATISTICS.md §1–2):
 *   1. per question: valid answers, Σs, Σs², satisfied answers;
 *   2. per score plan: u = Σ_k a_k·δ_k·(s_k − ȳ_k) of every respondent, with the town's and with the
 *      district's ȳ_k and a_k, summed to Σu and Σu², and how many respondents have a valid item of the plan.
 */
import type { ScoringMap } from "@survey/questionnaire";
import type { CodeGroupRow } from "../data/response-codes";
import type { ItemAggregateRow, ScoreAggregateRow, ScorePlanTable } from "../data/results-sql";

const CODES = 256;

/** Between towns: a million respondents take about a second here, which other requests should not wait for. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Question names by byte position, with each position's score of every code (NaN when not valid). */
export interface CodeTable {
  layout: readonly string[];
  /** codes of position k: scores[k·256 + code]. */
  scores: Float64Array;
  /** Codes that count as satisfied (valid and ≥ satisfiedFrom), same indexing. */
  satisfied: Uint8Array;
}

export function codeTable(scoring: ScoringMap, layout: readonly string[], satisfiedFrom: number): CodeTable {
  const scores = new Float64Array(layout.length * CODES).fill(Number.NaN);
  const satisfied = new Uint8Array(layout.length * CODES);
  layout.forEach((name, k) => {
    const item = scoring.byName.get(name) ?? (scoring.overall?.name === name ? scoring.overall : undefined);
    if (!item) throw new RangeError(`question ${name} is not scored by the questionnaire`);
    for (let code = 1; code < CODES; code++) {
      const score = item.scoreOf(code);
      if (score === null) continue;
      // Stored as real in response_items: the same value here.
      scores[k * CODES + code] = Math.fround(score);
      satisfied[k * CODES + code] = code >= satisfiedFrom ? 1 : 0;
    }
  });
  return { layout, scores, satisfied };
}

function checkLength(group: CodeGroupRow, width: number): void {
  if (group.codes.length !== group.respondents * width) {
    throw new RangeError(
      `town ${group.townCode}: ${group.codes.length} code bytes for ${group.respondents} respondents × ${width}`,
    );
  }
}

/** Pass 1: per town (cell) and question the item sums; a question nobody in the group answered has no row. */
export async function tallyItems(table: CodeTable, groups: readonly CodeGroupRow[]): Promise<ItemAggregateRow[]> {
  const width = table.layout.length;
  const rows: ItemAggregateRow[] = [];
  for (const group of groups) {
    await yieldToEventLoop();
    checkLength(group, width);
    const counts = new Float64Array(width * CODES);
    const { codes } = group;
    for (let offset = 0; offset < codes.length; offset += width) {
      for (let k = 0; k < width; k++) {
        const code = codes[offset + k] as number;
        if (code !== 0) counts[k * CODES + code] = (counts[k * CODES + code] as number) + 1;
      }
    }
    table.layout.forEach((question, k) => {
      let answered = 0;
      const row = {
        townCode: group.townCode,
        cell: group.cell,
        question,
        valid: 0,
        sum: 0,
        sumOfSquares: 0,
        satisfied: 0,
      };
      for (let code = 1; code < CODES; code++) {
        const count = counts[k * CODES + code] as number;
        if (count === 0) continue;
        answered += count;
        const score = table.scores[k * CODES + code] as number;
        if (Number.isNaN(score)) continue;
        row.valid += count;
        row.sum += count * score;
        row.sumOfSquares += count * score * score;
        if (table.satisfied[k * CODES + code]) row.satisfied += count;
      }
      if (answered > 0) rows.push(row);
    });
  }
  return rows;
}

/**
 * A town's plan terms, flat for the inner loop: the terms of byte position k are first[k] … first[k+1] − 1,
 * each with its plan, the town's multiplier and mean, and the district's multiplier and mean.
 */
interface TownTerms {
  first: Int32Array;
  plan: Int32Array;
  townMultiplier: Float64Array;
  townMean: Float64Array;
  districtMultiplier: Float64Array;
  districtMean: Float64Array;
}

function townTerms(table: CodeTable, plans: ScorePlanTable, town: string): TownTerms | undefined {
  const position = new Map(table.layout.map((name, k) => [name, k]));
  const byPosition: { plan: number; at: number; mt: number; ad: number; md: number }[][] = table.layout.map(() => []);
  let found = false;
  for (const row of plans.rows) {
    if (row.town !== town) continue;
    const k = position.get(row.question);
    if (k === undefined) throw new RangeError(`plan question ${row.question} has no code position`);
    found = true;
    for (const term of row.terms) {
      if (!term) continue;
      byPosition[k]?.push({
        plan: term.plan,
        at: term.townMultiplier,
        mt: row.townMean,
        ad: term.districtMultiplier,
        md: row.districtMean,
      });
    }
  }
  if (!found) return undefined;
  const all = byPosition.flat();
  const first = new Int32Array(table.layout.length + 1);
  byPosition.forEach((list, k) => {
    first[k + 1] = (first[k] as number) + list.length;
  });
  return {
    first,
    plan: Int32Array.from(all, (term) => term.plan),
    townMultiplier: Float64Array.from(all, (term) => term.at),
    townMean: Float64Array.from(all, (term) => term.mt),
    districtMultiplier: Float64Array.from(all, (term) => term.ad),
    districtMean: Float64Array.from(all, (term) => term.md),
  };
}

/** Pass 2: per town (cell) and plan Σu, Σu² with the town's and with the district's plan, and contributors. */
export async function tallyScores(
  table: CodeTable,
  plans: ScorePlanTable,
  groups: readonly CodeGroupRow[],
): Promise<ScoreAggregateRow[]> {
  const width = table.layout.length;
  const p = plans.plans.length;
  const rows: ScoreAggregateRow[] = [];
  const termsOf = new Map<string, TownTerms | undefined>();
  const townU = new Float64Array(p);
  const districtU = new Float64Array(p);
  const hit = new Uint8Array(p);
  const scores = table.scores;
  for (const group of groups) {
    await yieldToEventLoop();
    checkLength(group, width);
    if (!termsOf.has(group.townCode)) termsOf.set(group.townCode, townTerms(table, plans, group.townCode));
    // Towns outside the design have no plan rows.
    const terms = termsOf.get(group.townCode);
    if (!terms) continue;
    const { first, plan, townMultiplier, townMean, districtMultiplier, districtMean } = terms;
    const contributing = new Float64Array(p);
    const sums = new Float64Array(4 * p);
    const codes = group.codes;
    for (let offset = 0; offset < codes.length; offset += width) {
      townU.fill(0);
      districtU.fill(0);
      hit.fill(0);
      for (let k = 0; k < width; k++) {
        const score = scores[k * CODES + (codes[offset + k] as number)] as number;
        if (score !== score) continue; // NaN: not a valid answer
        const end = first[k + 1] as number;
        for (let t = first[k] as number; t < end; t++) {
          const j = plan[t] as number;
          townU[j] = (townU[j] as number) + (townMultiplier[t] as number) * (score - (townMean[t] as number));
          districtU[j] =
            (districtU[j] as number) + (districtMultiplier[t] as number) * (score - (districtMean[t] as number));
          hit[j] = 1;
        }
      }
      for (let j = 0; j < p; j++) {
        if (hit[j] === 0) continue;
        const t = townU[j] as number;
        const d = districtU[j] as number;
        contributing[j] = (contributing[j] as number) + 1;
        sums[4 * j] = (sums[4 * j] as number) + t;
        sums[4 * j + 1] = (sums[4 * j + 1] as number) + t * t;
        sums[4 * j + 2] = (sums[4 * j + 2] as number) + d;
        sums[4 * j + 3] = (sums[4 * j + 3] as number) + d * d;
      }
    }
    plans.plans.forEach((name, j) => {
      rows.push({
        townCode: group.townCode,
        cell: group.cell,
        plan: name,
        contributing: contributing[j] as number,
        townSum: sums[4 * j] as number,
        townSumOfSquares: sums[4 * j + 1] as number,
        districtSum: sums[4 * j + 2] as number,
        districtSumOfSquares: sums[4 * j + 3] as number,
      });
    });
  }
  return rows;
}
