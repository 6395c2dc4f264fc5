export * from "./console-api";
export * from "./indicators-api";
