/** Kept for imports of `Role` from here; access control lives in ./auth (sessions, roles, CSRF). */
export type { Role } from "@survey/contract";
