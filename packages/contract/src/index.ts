// Each schema file exports `X` as both the TypeBox schema and its type `Static<typeof X>`; the *-values files and
// console-areas.ts hold plain values only, so a front end importing one of them stays small.
export * from "./accounts";
export * from "./audit-values";
export * from "./comments";
export * from "./comments-values";
export * from "./common";
export * from "./comparison";
export * from "./console-areas";
export * from "./console-values";
export * from "./errors";
export * from "./fieldwork";
export * from "./frame";
export * from "./indicator-system";
export * from "./indicator-values";
export * from "./indicators";
export * from "./questionnaires";
export * from "./reports";
export * from "./resident";
export * from "./responses";
export * from "./results";
export * from "./results-values";
export * from "./waves";
