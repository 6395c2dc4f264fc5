import type { CompositionGap, CompositionShare, DistrictComposition, TownComposition } from "@survey/contract";
import { ageGroups } from "@survey/identity";
import type { CompositionRow } from "./data/fieldwork";

export type PopulationCell = { townCode: string; sex: string; ageGroup: string; population: number };

/** A sample share this far (or further) from the population share is shown as a gap. */
export const COMPOSITION_GAP = 0.05;

const SEXES = ["male", "female", "unknown"];
const ADULT_AGE_GROUPS = [...ageGroups.filter((group) => group !== "under-18"), "unknown"];
const REGISTRATION = ["registered", "unregistered", "unknown"];

function shares(
  counts: Map<string, number>,
  n: number,
  categories: string[],
  population: Map<string, number> | undefined,
): CompositionShare[] {
  const populationTotal = population ? [...population.values()].reduce((sum, value) => sum + value, 0) : 0;
  const all = [...categories, ...[...counts.keys()].filter((key) => !categories.includes(key))];
  return all
    .filter((category) => category !== "unknown" || (counts.get(category) ?? 0) > 0)
    .map((category) => {
      const sample = counts.get(category) ?? 0;
      const known = population?.get(category);
      return {
        category,
        sample,
        sampleShare: n > 0 ? sample / n : 0,
        populationShare: known !== undefined && populationTotal > 0 ? known / populationTotal : null,
      };
    });
}

function sumBy(cells: PopulationCell[], key: "sex" | "ageGroup"): Map<string, number> {
  const totals = new Map<string, number>();
  for (const cell of cells) totals.set(cell[key], (totals.get(cell[key]) ?? 0) + cell.population);
  return totals;
}

/** The sample's shares by sex, age group and registration against the given adult population cells. */
function sampleAgainst(rows: CompositionRow[], population: PopulationCell[] | undefined) {
  const n = rows.reduce((sum, row) => sum + row.count, 0);
  const tally = (pick: (row: CompositionRow) => string) => {
    const counts = new Map<string, number>();
    for (const row of rows) counts.set(pick(row), (counts.get(pick(row)) ?? 0) + row.count);
    return counts;
  };
  return {
    n,
    sex: shares(
      tally((row) => row.sex ?? "unknown"),
      n,
      SEXES,
      population && sumBy(population, "sex"),
    ),
    ageGroup: shares(
      tally((row) => row.ageGroup ?? "unknown"),
      n,
      ADULT_AGE_GROUPS,
      population && sumBy(population, "ageGroup"),
    ),
    registered: shares(
      tally((row) => (row.registered === null ? "unknown" : row.registered ? "registered" : "unregistered")),
      n,
      REGISTRATION,
      undefined,
    ),
  };
}

/** Cells for under-18s are left out: the sample has none. */
const adults = (cells: PopulationCell[]) => cells.filter((cell) => cell.ageGroup !== "under-18");

/**
 * Sample composition of one town against its adult population. Population shares come from the
 * town's own population cells, else from the whole district's cells, else are unknown; registration
 * (户籍) is not in the population cells, so its population share is always null.
 */
export function townComposition(townCode: string, rows: CompositionRow[], cells: PopulationCell[]): TownComposition {
  const adultCells = adults(cells);
  const townCells = adultCells.filter((cell) => cell.townCode === townCode);
  const source = townCells.length > 0 ? "town" : adultCells.length > 0 ? "district" : "none";
  const population = source === "none" ? undefined : source === "town" ? townCells : adultCells;
  return {
    townCode,
    ...sampleAgainst(
      rows.filter((row) => row.townCode === townCode),
      population,
    ),
    populationSource: source,
  };
}

/**
 * The sample of the given towns together against their adult population (their cells summed), with the
 * categories whose sample share is COMPOSITION_GAP or more away from the population share.
 */
export function districtComposition(
  townCodes: ReadonlySet<string>,
  rows: CompositionRow[],
  cells: PopulationCell[],
): DistrictComposition {
  const population = adults(cells).filter((cell) => townCodes.has(cell.townCode));
  const composition = sampleAgainst(
    rows.filter((row) => townCodes.has(row.townCode)),
    population.length > 0 ? population : undefined,
  );
  const gaps: CompositionGap[] = [];
  if (composition.n > 0) {
    for (const dimension of ["sex", "ageGroup"] as const) {
      for (const share of composition[dimension]) {
        if (share.populationShare === null) continue;
        const difference = share.sampleShare - share.populationShare;
        if (Math.abs(difference) + 1e-12 >= COMPOSITION_GAP) {
          gaps.push({ dimension, ...share, populationShare: share.populationShare, difference });
        }
      }
    }
  }
  gaps.sort((a, b) => Math.abs(b.difference) - Math.abs(a.difference));
  return {
    ...composition,
    populationSource: population.length > 0 ? "district" : "none",
    gaps: gaps.map(({ dimension, category, sampleShare, populationShare, difference }) => ({
      dimension,
      category,
      sampleShare,
      populationShare,
      difference,
    })),
  };
}
