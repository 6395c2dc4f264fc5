/**
 * The objective indicator system: the catalogue, the yearly values (the upload template and its reader), and
 * the objective index of the towns. The comparison with satisfaction (analysis) reads the index through here;
 * the demo seed writes its catalogue and values through here.
 */
export { insertIndicators, upsertValues } from "./data/indicators";
export { type IndexInputs, loadIndexInputs, townIndices } from "./indicator-index-service";
export { default as indicatorRoutes } from "./routes";
