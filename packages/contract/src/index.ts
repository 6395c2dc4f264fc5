export * from "./console-api";
export * from "./indicators-api";
export * from "./results-api";
export * from "./console-areas";
