/**
 * The objective indicator system: the catalogue, the yearly values (the upload template and its reader), and
 * the objective index of the towns. The comparison with satisfaction (analysis) reads the index through here;
 * the demo seed writes its catalogue and values through here.
 */

export {
  basisFigures,
  basisLabel,
  basisProblem,
  type IndicatorFacts,
  indicatorFacts,
  ownDepartments,
  unitName,
} from "./basis-service";
export { upsertBenchmarks } from "./data/benchmarks";
export { insertIndicators, upsertValues } from "./data/indicators";
export { type IndexInputs, loadIndexInputs, townIndices } from "./indicator-index-service";
/** A town's warnings of a year (its values against the towns' plan targets), for the town report card. */
export { townWarnings } from "./indicator-warnings-service";
export { default as indicatorRoutes } from "./routes";
