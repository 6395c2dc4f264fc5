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
import type { CodeGroupRow } from "./data/response-codes";
import type { ItemAggregateRow, ScoreAggregateRow, ScorePlanTable } from "./data/results-sql";

/** Codes are 1–5, 8 and 9 (the write path refuses others): 16 slots per position. */
const CODES = 16;

/** Between towns: a million respondents take about a second here, which other requests should not wait for. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Question names by byte position, with each position's score of every code (NaN when not valid). */
export interface CodeTable {
  layout: readonly string[];
  /** codes of position k: scores[k·16 + code]. */
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
        if (code >= CODES) throw new RangeError(`code ${code} in town ${group.townCode} is not an answer code`);
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

function townTerms(
  position: ReadonlyMap<string, number>,
  width: number,
  rows: readonly ScorePlanTable["rows"][number][],
): TownTerms {
  const byPosition: ScorePlanTable["rows"][number][][] = Array.from({ length: width }, () => []);
  for (const row of rows) {
    const k = position.get(row.question);
    if (k === undefined) throw new RangeError(`plan question ${row.question} has no code position`);
    byPosition[k]?.push(row);
  }
  const first = new Int32Array(width + 1);
  for (let k = 0; k < width; k++) {
    let count = 0;
    for (const row of byPosition[k] ?? []) for (const term of row.terms) if (term) count++;
    first[k + 1] = (first[k] as number) + count;
  }
  const size = first[width] as number;
  const terms: TownTerms = {
    first,
    plan: new Int32Array(size),
    townMultiplier: new Float64Array(size),
    townMean: new Float64Array(size),
    districtMultiplier: new Float64Array(size),
    districtMean: new Float64Array(size),
  };
  for (let k = 0; k < width; k++) {
    let t = first[k] as number;
    for (const row of byPosition[k] ?? []) {
      for (const term of row.terms) {
        if (!term) continue;
        terms.plan[t] = term.plan;
        terms.townMultiplier[t] = term.townMultiplier;
        terms.townMean[t] = row.townMean;
        terms.districtMultiplier[t] = term.districtMultiplier;
        terms.districtMean[t] = row.districtMean;
        t++;
      }
    }
  }
  return terms;
}

/**
 * The inner loop of pass 2 over one group's respondents: each respondent's u of every plan (town's and
 * district's), then Σu, Σu² (sums[4j…4j+3]) and the contributors of plans with a valid item. Kept apart and
 * monomorphic (typed arrays only) so that V8 optimises it early.
 */
function accumulateScores(
  codes: Uint8Array,
  width: number,
  scores: Float64Array,
  terms: TownTerms,
  contributing: Float64Array,
  sums: Float64Array,
): void {
  const { first, plan, townMultiplier, townMean, districtMultiplier, districtMean } = terms;
  const p = contributing.length;
  const townU = new Float64Array(p);
  const districtU = new Float64Array(p);
  const hit = new Uint8Array(p);
  for (let offset = 0; offset < codes.length; offset += width) {
    townU.fill(0);
    districtU.fill(0);
    hit.fill(0);
    for (let k = 0; k < width; k++) {
      const code = codes[offset + k] as number;
      if (code >= CODES) throw new RangeError(`code ${code} is not an answer code`);
      const score = scores[k * CODES + code] as number;
      if (Number.isNaN(score)) continue; // not a valid answer
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
  // Towns outside the design have no plan rows.
  const rowsOf = new Map<string, ScorePlanTable["rows"][number][]>();
  for (const row of plans.rows) {
    const list = rowsOf.get(row.town);
    if (list) list.push(row);
    else rowsOf.set(row.town, [row]);
  }
  const position = new Map(table.layout.map((name, k) => [name, k]));
  const termsOf = new Map<string, TownTerms>();
  for (const group of groups) {
    await yieldToEventLoop();
    checkLength(group, width);
    const townRows = rowsOf.get(group.townCode);
    if (!townRows) continue;
    let terms = termsOf.get(group.townCode);
    if (!terms) {
      terms = townTerms(position, width, townRows);
      termsOf.set(group.townCode, terms);
    }
    const contributing = new Float64Array(p);
    const sums = new Float64Array(4 * p);
    accumulateScores(group.codes, width, table.scores, terms, contributing, sums);
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
