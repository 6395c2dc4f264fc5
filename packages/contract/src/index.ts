export * from "./console-api";
