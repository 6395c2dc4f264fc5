/**
 * Responses: the office's view of single questionnaires — listing them with their quality flags, reading one,
 * voiding one (its quota slot goes back, the person stays refused) and correcting a paper entry's answers.
 */
export { default as responseRoutes } from "./routes";
