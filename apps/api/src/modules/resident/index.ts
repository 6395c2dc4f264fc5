/**
 * The resident's way through a survey: the open wave and its quotas, verification by SMS, the reservation of a
 * quota slot, and the submission. Paper questionnaires (fieldwork) are stored and counted by the same rules,
 * through the functions exported here.
 */
export { completeWithoutReservation } from "./data/quota";
export { respondedKeysAmong } from "./data/respondent-keys";
export { findPersonStanding } from "./data/respondents";
export { type ScoredItemRow, scoredItemRows, storeResponse } from "./data/response-store";
export { identifyById, identifyPerson, type PersonFacts } from "./person-service";
export { default as publicWaveRoutes } from "./routes/public-waves";
export { default as reservationRoutes } from "./routes/reservation";
export { default as reservationSweeper } from "./routes/sweeper-plugin";
export { default as verificationRoutes } from "./routes/verifications";
