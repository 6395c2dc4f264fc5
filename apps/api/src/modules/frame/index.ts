/** The sampling frame: towns and communities with their population, and the population by sex × age group. */
export { default as frameRoutes } from "./routes";
