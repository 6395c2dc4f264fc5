export * from "./console-api";
export * from "./indicators-api";
export * from "./results-api";
