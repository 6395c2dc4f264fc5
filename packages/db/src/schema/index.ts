export * from "./console";
export * from "./frame";
export * from "./indicators";
export * from "./respondents";
export * from "./waves";
export * from "./meta";
