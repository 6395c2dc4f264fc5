/**
 * The annual report (SPEC §4, issue 20): the district's Word report and the towns' report cards, written from
 * the analysis services' figures in a worker thread. Section 9 takes its input as `ResidentVoices`.
 */

export { gatherReportData, openAnswerVoices, type ReportData } from "./report-data";
export type { ResidentVoices } from "./resident-voices";
export { default as reportRoutes } from "./routes";
