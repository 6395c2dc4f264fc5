/**
 * Request and response shapes of the console's API (sign-in, users, audit log, fieldwork monitor,
 * posters, exports), shared by apps/api and apps/console. Dates travel as ISO 8601 strings.
 * Every error body is `ApiError`; state-changing requests under /api/admin and /api/auth/logout carry
 * the session's CSRF token in the `x-csrf-token` header.
 */

export type Role = "admin" | "office" | "staff" | "department";

export const ROLES: readonly Role[] = ["admin", "office", "staff", "department"];

/** `{ error, message, ...details }`; `message` is a Chinese sentence for a person. */
export interface ApiError {
  error: string;
  message: string;
  [detail: string]: unknown;
}

/** Header name that carries the CSRF token. */
export const CSRF_HEADER = "x-csrf-token";
/** Name of the httpOnly session cookie (the browser sends it; scripts keep it from the login answer). */
export const SESSION_COOKIE = "survey_session";

// ---------------------------------------------------------------- sign-in

export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  /** Towns a staff user is limited to; empty = all towns. */
  townCodes: string[];
  /** Indicator domains a department user is limited to; empty = all. */
  domains: string[];
}

/** `POST /api/auth/login` */
export interface LoginRequest {
  username: string;
  password: string;
}

/**
 * `POST /api/auth/login` → 200 (sets the session cookie) and `GET /api/auth/me` → 200.
 * Errors: 401 `invalid_credentials` (login), 401 `unauthenticated` (me), 423 `account_locked`
 * (+ `lockedUntil`), 400 `invalid_request`.
 */
export interface SessionResponse {
  user: SessionUser;
  csrfToken: string;
}

/** `POST /api/auth/logout` → 204 (needs `x-csrf-token`; clears the cookie). */

// ---------------------------------------------------------------- users (admin)

/** One row of `GET /api/admin/users` → 200 `AdminUser[]`. */
export interface AdminUser extends SessionUser {
  disabled: boolean;
  /** Set while the account is locked after failed sign-ins. */
  lockedUntil: string | null;
  createdAt: string;
}

/** Passwords need at least this many characters. */
export const MIN_PASSWORD_LENGTH = 10;

/** `POST /api/admin/users` → 201 `AdminUser`; 409 `duplicate_username`; 422 `weak_password`. */
export interface CreateUserRequest {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  townCodes?: string[];
  domains?: string[];
}

/**
 * `PATCH /api/admin/users/:userId` → 200 `AdminUser`; 404 `unknown_user`; 422 `weak_password`;
 * 409 `last_admin` (the last active admin cannot be demoted or disabled).
 * A new `password` resets the password, unlocks the account and ends the user's sessions;
 * `disabled: true` also ends them.
 */
export interface UpdateUserRequest {
  displayName?: string;
  role?: Role;
  townCodes?: string[];
  domains?: string[];
  disabled?: boolean;
  password?: string;
}

// ---------------------------------------------------------------- audit log (admin)

/** `GET /api/admin/audit?limit&before&action&user` query (`user` = username; `before` = entry id for paging). */
export interface AuditQuery {
  /** 1–500, default 100. */
  limit?: number;
  /** Only entries with a smaller id (the next page starts before the last id seen). */
  before?: number;
  action?: string;
  user?: string;
}

export interface AuditEntry {
  id: number;
  at: string;
  userId: number | null;
  username: string | null;
  /** e.g. `user.create`, `user.update`, `auth.login`, `auth.login_failed`, `wave.open`, `frame.import`. */
  action: string;
  target: string | null;
  details: Record<string, unknown>;
  ip: string | null;
}

/** `GET /api/admin/audit` → 200. `nextBefore` is the `before` value of the next (older) page, null at the end. */
export interface AuditPage {
  entries: AuditEntry[];
  nextBefore: number | null;
}

// ---------------------------------------------------------------- fieldwork monitor (staff, office, admin)

export interface CommunityCounts {
  /** No completed questionnaire yet. */
  empty: number;
  /** completed ≥ cap. */
  full: number;
  /** completed < cap / 2 (includes the empty ones). */
  belowHalf: number;
}

/** Where a town will be at the closing date if the current pace goes on. */
export interface TownProjection {
  /** Counted completions per day over the pace window (the last 7 days of fieldwork, or fewer if it began later). */
  perDay: number;
  /** completed + perDay × days left, capped at the target; equals completed when closesAt is unknown or past. */
  projected: number;
  /** Date (YYYY-MM-DD, Asia/Shanghai) the target is reached at this pace; null when already reached or the pace is 0. */
  expectedCompletionDate: string | null;
  /** The target is not reached yet, the wave has a closing date, and at this pace it will not be reached by then. */
  atRisk: boolean;
}

export interface FieldworkTown {
  code: string;
  name: string;
  target: number;
  completed: number;
  /** Slots held by residents who are answering right now. */
  reserved: number;
  /** completed / target, 0–1. */
  fillRate: number;
  communities: CommunityCounts;
  projection: TownProjection;
}

export interface FieldworkCommunity {
  code: string;
  name: string;
  townCode: string;
  cap: number;
  completed: number;
  reserved: number;
}

export interface DailyCompletions {
  /** YYYY-MM-DD in Asia/Shanghai. */
  date: string;
  /** Counted responses submitted that day. */
  count: number;
}

/** Share of one category in the sample and in the population (0–1; null when unknown). */
export interface CompositionShare {
  category: string;
  sample: number;
  sampleShare: number;
  populationShare: number | null;
}

export interface TownComposition {
  townCode: string;
  /** Counted responses of the town. */
  n: number;
  /** `male`, `female`, and `unknown` when responses lack it (paper forms). */
  sex: CompositionShare[];
  /** Age groups as stored on responses (e.g. `18-29`), plus `unknown`. */
  ageGroup: CompositionShare[];
  /** `registered` (户籍) / `unregistered` (非户籍) / `unknown`; population share is not known (null). */
  registered: CompositionShare[];
  /**
   * Where the population shares come from: `town` = this town's town_population_cells;
   * `district` = the sum of every town's cells (the town has none); `none` = no population cells at all.
   */
  populationSource: "town" | "district" | "none";
}

/**
 * `GET /api/admin/waves/:waveId/fieldwork` → 200. A staff user limited to towns sees only those towns
 * (and their communities, days and composition). 404 `unknown_wave`.
 */
export interface FieldworkSummary {
  wave: {
    id: number;
    code: string;
    title: string;
    status: "draft" | "open" | "closed";
    closesAt: string | null;
  };
  /** When the summary was computed (server clock). */
  generatedAt: string;
  totals: { target: number; completed: number; reserved: number };
  towns: FieldworkTown[];
  communities: FieldworkCommunity[];
  daily: DailyCompletions[];
  composition: TownComposition[];
}

/**
 * `GET /api/admin/waves/:waveId/fieldwork/events` — text/event-stream. The first event is sent at once;
 * then the server checks the database every `FIELDWORK_POLL_MS` and sends a new event whenever the
 * totals (completed, reserved per town) change. Each event: `event: summary`, `data: <FieldworkSummary JSON>`.
 * A comment line (`: ping`) keeps idle connections open. EventSource sends the cookie; no CSRF needed (GET).
 */
export const FIELDWORK_EVENT = "summary";
export const FIELDWORK_POLL_MS = 3000;

// ---------------------------------------------------------------- paths

/**
 * Every console endpoint's path. Besides the JSON ones above:
 * - `fieldworkXlsx`: workbook with sheets 街镇 (towns) and 社区 (communities), Chinese headers.
 * - `posters`: printable HTML, one A4 page per community, each with a QR code (inline SVG) linking to
 *   `${publicSurveyUrl}?c=<communityCode>`; 404 `unknown_town`, 403 `forbidden` outside a staff user's towns.
 */
export const consoleApiPaths = {
  login: "/api/auth/login",
  me: "/api/auth/me",
  logout: "/api/auth/logout",
  users: "/api/admin/users",
  user: (userId: number) => `/api/admin/users/${userId}`,
  audit: "/api/admin/audit",
  fieldwork: (waveId: number) => `/api/admin/waves/${waveId}/fieldwork`,
  fieldworkEvents: (waveId: number) => `/api/admin/waves/${waveId}/fieldwork/events`,
  fieldworkXlsx: (waveId: number) => `/api/admin/waves/${waveId}/fieldwork.xlsx`,
  posters: (waveId: number, townCode: string) =>
    `/api/admin/waves/${waveId}/towns/${encodeURIComponent(townCode)}/posters`,
} as const;
