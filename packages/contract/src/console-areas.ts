import type { Role } from "./accounts";

/**
 * Which roles may use each area of the console. The console's navigation shows an area to these roles and
 * the API's role checks are built from the same sets (`rolesOf`), so the two cannot drift apart.
 */
export const CONSOLE_AREAS = {
  monitor: ["admin", "office", "staff"],
  entry: ["admin", "staff"],
  posters: ["admin", "staff"],
  responses: ["admin", "office"],
  results: ["admin", "office"],
  crosstab: ["admin", "office"],
  trends: ["admin", "office"],
  indicators: ["admin", "office", "department"],
  comparison: ["admin", "office"],
  comments: ["admin", "office", "staff"],
  questionnaires: ["admin", "office"],
  warnings: ["admin", "office", "department", "staff"],
  benchmarks: ["admin", "office"],
  recommendations: ["admin", "office", "department", "staff"],
  submissions: ["admin", "office"],
  frame: ["admin"],
  waves: ["admin"],
  users: ["admin"],
  audit: ["admin"],
} as const satisfies Record<string, readonly Role[]>;

export type ConsoleArea = keyof typeof CONSOLE_AREAS;

/** The roles that may use any of `areas` (an API route serving several console pages). */
export function rolesOf(...areas: ConsoleArea[]): Role[] {
  const roles = new Set<Role>();
  for (const area of areas) for (const role of CONSOLE_AREAS[area]) roles.add(role);
  return [...roles];
}
