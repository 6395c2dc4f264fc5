/**
 * Fieldwork: the monitor (progress per town and community, pace, sample composition, live updates and the
 * Excel export), the QR posters, and paper questionnaires entered one by one or imported from a table.
 */
export { default as monitorRoutes } from "./routes/monitor";
export { default as paperEntryRoutes } from "./routes/paper-entry";
export { default as posterRoutes } from "./routes/posters";
