// Starts the report worker from its TypeScript source when the API itself runs from source (tsx, tests): the
// worker thread gets tsx's loader first. Production starts dist/report-worker.js, compiled by build-api.mjs.
import { register } from "tsx/esm/api";

register();
await import("./report-worker.ts");
