export * from "./comments";
export * from "./console";
export * from "./frame";
export * from "./indicators";
export * from "./meta";
export * from "./respondents";
export * from "./response-codes";
export * from "./waves";
