/**
 * The annual report (SPEC §4, issue 20): the district's Word report and the towns' report cards, written from
 * the analysis services' figures in a worker thread; section 9 and the cards' 居民意见 from the comments module,
 * the cards' 指标预警 from the indicators module.
 */

export { gatherReportData, type ReportData } from "./report-data";
export { default as reportRoutes } from "./routes";
