/**
 * @survey/indices — the objective indicator system and its comparison with satisfaction (STATISTICS §4–5):
 * domains and the default catalogue, normalisation, weights, town/district indices and progress, rank statistics
 * matching R's cor.test, rank tables, quadrants, bottom-k agreement and a plain-language Chinese reading.
 * Pure functions, no IO.
 */

export * from "./benchmark";
export * from "./catalogue";
export * from "./comparison";
export * from "./demo-values";
export * from "./distributions";
export * from "./district-index";
export * from "./domains";
export * from "./early-warning";
export * from "./forecast";
export * from "./indicator";
export * from "./kendall";
export * from "./normalize";
export * from "./progress";
export * from "./ranks";
export * from "./reading";
export { seededRandom } from "./seeded-random";
export * from "./spearman";
export * from "./town-indices";
export * from "./weights";
