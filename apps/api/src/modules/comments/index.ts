/**
 * Residents' comments: the open answers of a wave, read (never with who wrote them), searched, tagged with the
 * office's themes and counted per town; the comments workbook; and the summary the annual report uses.
 */
export { commentsForReport, type ReportComments, type ReportExample, type ReportTheme } from "./report-service";
export { default as commentRoutes } from "./routes";
