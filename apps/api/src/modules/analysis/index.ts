/**
 * Analysis of the answers: satisfaction results (design, estimation, tallies, the workbook), cross-tabs, trends
 * and the comparison between waves, the subjective–objective comparison with its printable ranking bulletin,
 * and the anonymised microdata. The resident module writes each response's codes row in the layout owned here.
 */

// The annual report (modules/reports) takes every figure from the same services as the endpoints.
export { comparison, comparisonOverview } from "./comparison-service";
export { crosstab } from "./crosstab-service";
export { insertResponseCodesCte, responseCodesHex } from "./data/response-codes";
export { wavePriorities } from "./priorities-service";
export { computeWaveResults, waveResults } from "./results-service";
export { default as comparisonRoutes } from "./routes/comparison";
export { default as resultsRoutes } from "./routes/results";
export { compareWaves } from "./wave-comparison-service";
