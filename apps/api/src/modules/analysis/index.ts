/**
 * Analysis of the answers: satisfaction results (design, estimation, tallies, the workbook), cross-tabs, trends
 * and the comparison between waves, the subjective–objective comparison with its printable ranking bulletin,
 * and the anonymised microdata. The resident module writes each response's codes row in the layout owned here.
 */
export { insertResponseCodesCte, responseCodesHex } from "./data/response-codes";
/** Satisfaction results of a wave (the recommendations show a shared weakness's satisfaction beside it). */
export { waveResults } from "./results-service";
export { default as comparisonRoutes } from "./routes/comparison";
export { default as resultsRoutes } from "./routes/results";
