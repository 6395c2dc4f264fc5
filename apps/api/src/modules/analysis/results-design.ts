/**
 * The sample design of a wave as the estimators need it (STATISTICS.md §2): strata = the wave's towns with
 * N_h and n_h, design weight N_h/n_h, and — when post-stratified — town × sex × age-group cells with
 * calibrated weights. Shared by the results, cross-tab and comparison services.
 */
import type { ExcludedTown, Weighting } from "@survey/contract";
import type { Executor } from "@survey/db";
import { type AggregateDesign, type CalibrationCell, type PostStratumInput, postStratify } from "@survey/stats";
import { NoResultsError, PoststratificationUnavailableError } from "../../platform/errors";
import { populationCells, respondentCells, waveTownSample } from "./data/results-sql";

export interface DesignTown {
  code: string;
  name: string;
  /** N_h: the sum of the town's population cells when it has any (adults), else towns.population. */
  population: number;
  /** n_h: counted responses. */
  respondents: number;
  /** The wave's sample target for the town (a town below it is marked wherever it is ranked). */
  target: number;
}

export interface ResultsDesign {
  weighting: Weighting;
  design: AggregateDesign;
  /** Towns in the design (at least two counted responses), by code. */
  towns: DesignTown[];
  excluded: ExcludedTown[];
  /** Weighting cells with their final weights: one per town ("") unless post-stratified. */
  cells: CalibrationCell[];
  /** Whether the SQL aggregates must be grouped by respondent cell (`sex|age_group`). */
  byCell: boolean;
  /** The weighting cell that a respondent with raw cell key `raw` of `town` belongs to. */
  cellOf(town: string, raw: string | null): string;
  /** The design restricted to one town: a town's own figures only involve its stratum (and it is faster). */
  townDesign(town: string): AggregateDesign;
}

function restrictToTowns(design: AggregateDesign): (town: string) => AggregateDesign {
  const byTown = new Map<string, AggregateDesign>();
  for (const stratum of design.strata) {
    const calibration = design.calibration;
    byTown.set(stratum.stratum, {
      strata: [stratum],
      calibration:
        !calibration || calibration.kind === "none"
          ? calibration
          : { kind: calibration.kind, cells: calibration.cells.filter((cell) => cell.stratum === stratum.stratum) },
    });
  }
  return (town) => {
    const restricted = byTown.get(town);
    if (!restricted) throw new RangeError(`town ${town} is not in the design`);
    return restricted;
  };
}

/** Cell used for a town without population cells: post-stratifying it to its own total changes nothing. */
const WHOLE_TOWN = "*";

/** Counted respondents per town, and per `sex|age_group` cell when post-stratified (the results' code groups). */
export type SampleCounts = readonly { townCode: string; cell: string | null; respondents: number }[];

/**
 * `counted`, when the caller has read the counted respondents already (grouped by cell when post-stratified),
 * spares the design its own scans of `responses`.
 */
export async function loadResultsDesign(
  db: Executor,
  waveId: number,
  options: { poststratify: boolean },
  counted?: SampleCounts,
): Promise<ResultsDesign> {
  const perTown = counted && new Map<string, number>();
  for (const row of counted ?? []) perTown?.set(row.townCode, (perTown.get(row.townCode) ?? 0) + row.respondents);
  const sample = await waveTownSample(db, waveId, perTown);
  const towns: DesignTown[] = [];
  const excluded: ExcludedTown[] = [];
  for (const row of sample) {
    const population = row.cellPopulation ?? row.framePopulation;
    if (row.respondents < 2) {
      excluded.push({
        code: row.code,
        name: row.name,
        n: row.respondents,
        reason: "有效答卷少于2份，无法估计抽样误差",
      });
    } else if (population < row.respondents) {
      excluded.push({
        code: row.code,
        name: row.name,
        n: row.respondents,
        reason: "人口数小于有效答卷数，请核对抽样框",
      });
    } else {
      towns.push({ code: row.code, name: row.name, population, respondents: row.respondents, target: row.target });
    }
  }
  if (towns.length === 0) throw new NoResultsError();
  const strata = towns.map((town) => ({
    stratum: town.code,
    population: town.population,
    sampleSize: town.respondents,
  }));
  if (!options.poststratify) {
    const cells = towns.map((town) => ({
      stratum: town.code,
      cell: "",
      respondents: town.respondents,
      weight: town.population / town.respondents,
    }));
    const design: AggregateDesign = { strata };
    return {
      weighting: "design",
      design,
      towns,
      excluded,
      cells,
      byCell: false,
      cellOf: () => "",
      townDesign: restrictToTowns(design),
    };
  }
  const cells = await poststratifiedCells(db, waveId, towns, counted);
  const wholeTowns = new Set(cells.filter((cell) => cell.cell === WHOLE_TOWN).map((cell) => cell.stratum));
  const design: AggregateDesign = { strata, calibration: { kind: "poststratified", cells } };
  return {
    weighting: "poststratified",
    design,
    towns,
    excluded,
    cells,
    byCell: true,
    cellOf: (town, raw) => (wholeTowns.has(town) ? WHOLE_TOWN : (raw ?? "")),
    townDesign: restrictToTowns(design),
  };
}

/**
 * w* = w·N_c/Σ_{i∈c} w within each town that has population cells (g bounded to [0.3, 3]); a town without
 * cells keeps its design weight. Respondents whose sex or age group falls outside the town's table make
 * post-stratification impossible: that is refused rather than silently dropped.
 */
async function poststratifiedCells(
  db: Executor,
  waveId: number,
  towns: DesignTown[],
  counted: SampleCounts | undefined,
): Promise<CalibrationCell[]> {
  const sampled = counted
    ? counted.map((row) => {
        if (row.cell === null) throw new RangeError("post-stratification needs the counts per cell");
        return { townCode: row.townCode, cell: row.cell, respondents: row.respondents };
      })
    : await respondentCells(db, waveId);
  const population = await populationCells(db, waveId);
  if (population.length === 0) throw new PoststratificationUnavailableError();
  const included = new Map(towns.map((town) => [town.code, town]));
  const inputs: PostStratumInput[] = [];
  const whole: CalibrationCell[] = [];
  const unmatched = new Set<string>();
  for (const town of towns) {
    const townCells = population.filter((cell) => cell.townCode === town.code);
    const townSample = sampled.filter((cell) => cell.townCode === town.code);
    if (townCells.length === 0) {
      whole.push({
        stratum: town.code,
        cell: WHOLE_TOWN,
        respondents: town.respondents,
        weight: town.population / town.respondents,
      });
      continue;
    }
    const known = new Set(townCells.map((cell) => cell.cell));
    for (const cell of townSample) if (!known.has(cell.cell)) unmatched.add(town.name);
    for (const cell of townCells) {
      inputs.push({
        stratum: town.code,
        cell: cell.cell,
        respondents: townSample.find((sample) => sample.cell === cell.cell)?.respondents ?? 0,
        baseWeight: town.population / town.respondents,
        population: cell.population,
      });
    }
  }
  if (unmatched.size > 0) {
    throw new PoststratificationUnavailableError(
      { towns: [...unmatched] },
      `${[...unmatched].join("、")}有答卷的性别或年龄组不在人口结构表中，无法做事后分层加权。`,
    );
  }
  const calibrated = postStratify(inputs).cells.map(({ stratum, cell, respondents, weight }) => ({
    stratum,
    cell,
    respondents,
    weight,
  }));
  return [...calibrated, ...whole].filter((cell) => included.has(cell.stratum));
}
