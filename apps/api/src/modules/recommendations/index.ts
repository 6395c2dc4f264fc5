/**
 * Recommendations for rectification (整改建议): the office drafts them from a warning, a forecast or a shared
 * weakness, addresses them to a department or a town, and the addressee answers; next year's figures of the
 * basis come from the indicators module.
 */
export { default as recommendationRoutes } from "./routes";
