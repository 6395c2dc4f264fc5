/**
 * Test fixture: the small data set the R reference scripts read (packages/stats/reference/respondents.csv,
 * set up by reference/common.R), turned into samples. Reads a file, so it is for tests only.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type Calibration, createSample, type Sample } from "./sample-design";
import type { ItemAnswer } from "./scoring";

export interface ReferenceRespondent {
  id: number;
  town: string;
  sex: string;
  age: string;
  registered: string;
  answers: ItemAnswer[];
}

export const REFERENCE_POPULATIONS: Record<string, number> = { A: 5200, B: 12800, C: 3100 };
export const REFERENCE_ITEMS = ["q1", "q2", "q3", "q4", "q5"] as const;

/** reference/common.R `cellpop`: town × sex × age. */
export const REFERENCE_CELL_POPULATIONS: { town: string; sex: string; age: string; population: number }[] = [
  ["A", [900, 1000, 800, 950, 900, 650]],
  ["B", [2300, 2100, 1900, 2400, 2200, 1900]],
  ["C", [500, 560, 520, 480, 540, 500]],
].flatMap(([town, populations]) =>
  (populations as number[]).map((population, index) => ({
    town: town as string,
    sex: index < 3 ? "F" : "M",
    age: ["18-39", "40-59", "60+"][index % 3] as string,
    population,
  })),
);

function parseAnswer(raw: string): ItemAnswer {
  if (raw === "dk") return "dont_know";
  if (raw === "na") return "not_applicable";
  if (raw === "") return null;
  return Number(raw);
}

export function readReferenceRespondents(): ReferenceRespondent[] {
  const path = fileURLToPath(new URL("../reference/respondents.csv", import.meta.url));
  const [, ...lines] = readFileSync(path, "utf8").trim().split("\n");
  return lines.map((line) => {
    const [id, town, sex, age, registered, ...answers] = line.split(",");
    return {
      id: Number(id),
      town: town as string,
      sex: sex as string,
      age: age as string,
      registered: registered as string,
      answers: answers.map(parseAnswer),
    };
  });
}

export function designWeights(respondents: readonly ReferenceRespondent[]): number[] {
  const counts = new Map<string, number>();
  for (const r of respondents) counts.set(r.town, (counts.get(r.town) ?? 0) + 1);
  return respondents.map((r) => (REFERENCE_POPULATIONS[r.town] as number) / (counts.get(r.town) as number));
}

export const cellOf = (r: { sex: string; age: string }) => `${r.sex}|${r.age}`;

/** svydesign(ids=~1, strata=~town, weights=~w, fpc=~N). */
export function referenceSample(
  respondents = readReferenceRespondents(),
  weights = designWeights(respondents),
  calibration?: Calibration,
): Sample {
  return createSample(
    respondents.map((r, i) => ({ stratum: r.town, weight: weights[i] as number })),
    REFERENCE_POPULATIONS,
    calibration,
  );
}

/** postStratify(design, ~town+sex+age, cellpop), weights computed directly from the definition. */
export function postStratifiedReferenceSample(respondents = readReferenceRespondents()): Sample {
  const base = designWeights(respondents);
  const key = (r: { town: string; sex: string; age: string }) => `${r.town}|${r.sex}|${r.age}`;
  const totals = new Map<string, number>();
  respondents.forEach((r, i) => {
    totals.set(key(r), (totals.get(key(r)) ?? 0) + (base[i] as number));
  });
  const population = new Map(REFERENCE_CELL_POPULATIONS.map((c) => [key(c), c.population]));
  const weights = respondents.map(
    (r, i) => ((base[i] as number) * (population.get(key(r)) as number)) / (totals.get(key(r)) as number),
  );
  return referenceSample(respondents, weights, {
    kind: "poststratified",
    cells: respondents.map(key),
    baseWeights: base,
  });
}
