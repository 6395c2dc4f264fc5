export * from "./client";
export { acquireDataDirLock, DataDirLockedError } from "./data-dir-lock";
export * from "./named-statement";
export * as schema from "./schema";
export * from "./schema";
