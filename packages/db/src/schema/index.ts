export * from "./console";
export * from "./frame";
export * from "./indicators";
export * from "./meta";
export * from "./respondents";
export * from "./waves";
