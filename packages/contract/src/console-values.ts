/**
 * Values the console and the API use at run time, with no schema inside: a front end importing one does not
 * pull the schemas (or TypeBox) into its bundle. One file per area, so each lands in the chunk that uses it.
 */
import type { Role } from "./accounts";

export const ROLES: readonly Role[] = ["admin", "office", "staff", "department"];

/** Header name that carries the CSRF token. */
export const CSRF_HEADER = "x-csrf-token";
/** Name of the httpOnly session cookie (the browser sends it; scripts keep it from the login answer). */
export const SESSION_COOKIE = "survey_session";

/** Passwords need at least this many characters. */
export const MIN_PASSWORD_LENGTH = 10;

/**
 * `GET /api/admin/waves/:waveId/fieldwork/events` — text/event-stream. The first event is sent at once;
 * then the server checks the database every `FIELDWORK_POLL_MS` and sends a new event whenever the
 * totals (completed, reserved per town) change. Each event: `event: summary`, `data: <FieldworkSummary JSON>`.
 * A comment line (`: ping`) keeps idle connections open. EventSource sends the cookie; no CSRF needed (GET).
 */
export const FIELDWORK_EVENT = "summary";
export const FIELDWORK_POLL_MS = 3000;

/**
 * Every console endpoint's path. Besides the JSON ones:
 * - `fieldworkXlsx`: workbook with sheets 街镇 (towns) and 社区 (communities), Chinese headers.
 * - `posters`: printable HTML, one A4 page per community, each with a QR code (inline SVG) linking to
 *   `${publicSurveyUrl}?c=<communityCode>`; 404 `unknown_town`, 403 `forbidden` outside a staff user's towns.
 */
export const consoleApiPaths = {
  login: "/api/auth/login",
  me: "/api/auth/me",
  logout: "/api/auth/logout",
  password: "/api/auth/password",
  users: "/api/admin/users",
  user: (userId: number) => `/api/admin/users/${userId}`,
  audit: "/api/admin/audit",
  auditXlsx: "/api/admin/audit.xlsx",
  fieldwork: (waveId: number) => `/api/admin/waves/${waveId}/fieldwork`,
  fieldworkEvents: (waveId: number) => `/api/admin/waves/${waveId}/fieldwork/events`,
  fieldworkXlsx: (waveId: number) => `/api/admin/waves/${waveId}/fieldwork.xlsx`,
  posters: (waveId: number, townCode: string) =>
    `/api/admin/waves/${waveId}/towns/${encodeURIComponent(townCode)}/posters`,
} as const;
