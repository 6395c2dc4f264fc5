/**
 * `GET /api/admin/waves/:waveId/priorities` (STATISTICS.md §6): each satisfaction item's derived importance
 * (design-weighted correlation with the respondent's other items) against its performance (the results' item
 * mean), per town and for the district, with the importance–performance quadrants. The respondents' scores come
 * from the same code rows and weights as the results (data/response-codes.ts, results-design.ts).
 */
import type { PriorityArea, WavePriorities } from "@survey/contract";
import type { Database } from "@survey/db";
import type { ScoringMap } from "@survey/questionnaire";
import { DEFAULT_SCORE_SCALE, derivedImportance, priorityQuadrants, type ScoreMatrix } from "@survey/stats";
import { requireWave } from "../waves";
import { type CodeGroupRow, codeLayout } from "./data/response-codes";
import type { ResultsDesign } from "./results-design";
import { estimateWaveCodes, type ResultsOptions, readWaveCodes, waveRef } from "./results-service";
import { codeTable } from "./results-tally";

const CODES = 16;

/** Respondents × satisfaction items (questionnaire order) of the given groups, with their final weights. */
function scoreMatrix(scoring: ScoringMap, design: ResultsDesign, groups: readonly CodeGroupRow[]): ScoreMatrix {
  const layout = codeLayout(scoring);
  const table = codeTable(scoring, layout, DEFAULT_SCORE_SCALE.satisfiedFrom);
  const positions = scoring.items.map((item) => layout.indexOf(item.name));
  const weightOf = new Map(design.cells.map((cell) => [`${cell.stratum}\u0000${cell.cell}`, cell.weight]));
  const width = layout.length;
  const itemCount = positions.length;
  const included = groups.flatMap((group) => {
    const weight = weightOf.get(`${group.townCode}\u0000${design.cellOf(group.townCode, group.cell)}`);
    return weight === undefined ? [] : [{ group, weight }];
  });
  const n = included.reduce((total, { group }) => total + group.respondents, 0);
  const weights = new Float64Array(n);
  const scores = new Float64Array(n * itemCount);
  let i = 0;
  for (const { group, weight } of included) {
    for (let offset = 0; offset < group.codes.length; offset += width, i++) {
      weights[i] = weight;
      positions.forEach((position, k) => {
        scores[i * itemCount + k] = table.scores[
          position * CODES + (group.codes[offset + position] as number)
        ] as number;
      });
    }
  }
  return { itemCount, weights, scores };
}

function priorityArea(
  scoring: ScoringMap,
  importance: readonly (number | null)[],
  performance: Readonly<Record<string, { mean: number }>>,
): PriorityArea {
  const rated = scoring.items.map((item, k) => ({
    key: item.name,
    importance: importance[k] ?? null,
    performance: performance[item.name]?.mean ?? null,
  }));
  const { means, items } = priorityQuadrants(rated);
  const quadrantOf = new Map(items.map((item) => [item.key, item.quadrant]));
  return {
    means,
    items: scoring.items.map((item, k) => ({
      question: item.name,
      title: item.title,
      dimension: item.dimension,
      importance: rated[k]?.importance ?? null,
      performance: rated[k]?.performance ?? null,
      quadrant: quadrantOf.get(item.name) ?? null,
    })),
    improve: items
      .filter((item) => item.quadrant === "improve")
      .sort((a, b) => b.importance - a.importance)
      .map((item) => item.key),
  };
}

export async function wavePriorities(db: Database, waveId: number, options: ResultsOptions): Promise<WavePriorities> {
  const wave = await requireWave(db, waveId);
  // One snapshot for both: the performance figures are the results' own item means of the same respondents.
  const codes = await readWaveCodes(db, wave, options);
  const { scoring, design, groups } = codes;
  const results = await estimateWaveCodes(wave, codes);
  const district = priorityArea(
    scoring,
    derivedImportance(scoreMatrix(scoring, design, groups)),
    results.district.items,
  );
  const towns = results.towns.map((town) => {
    const own = groups.filter((group) => group.townCode === town.code);
    return {
      code: town.code,
      name: town.name,
      ...priorityArea(scoring, derivedImportance(scoreMatrix(scoring, design, own)), town.items),
    };
  });
  return { wave: waveRef(wave), weighting: design.weighting, district, towns };
}
