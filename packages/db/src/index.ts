export * from "./client";
export { DataDirLockedError } from "./data-dir-lock";
export * as schema from "./schema";
export * from "./schema";
