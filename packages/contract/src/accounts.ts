/**
 * Console accounts: sign-in, users (admin) and the audit log (admin). Dates travel as ISO 8601 strings;
 * state-changing requests under /api/admin and /api/auth/logout carry the session's CSRF token in the
 * `x-csrf-token` header.
 */
import { type Static, Type } from "typebox";

export const Role = Type.Union([
  Type.Literal("admin"),
  Type.Literal("office"),
  Type.Literal("staff"),
  Type.Literal("department"),
]);
export type Role = Static<typeof Role>;

export const SessionUser = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
  role: Role,
  /** Towns a staff user is limited to; empty = all towns. */
  townCodes: Type.Array(Type.String()),
  /** Indicator domains a department user is limited to; empty = all. */
  domains: Type.Array(Type.String()),
});
export type SessionUser = Static<typeof SessionUser>;

// ---------------------------------------------------------------- sign-in

/** `POST /api/auth/login` */
export const LoginRequest = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 100 }),
    password: Type.String({ minLength: 1, maxLength: 1000 }),
  },
  { additionalProperties: false },
);
export type LoginRequest = Static<typeof LoginRequest>;

/**
 * `POST /api/auth/login` → 200 (sets the session cookie) and `GET /api/auth/me` → 200.
 * Errors: 401 `invalid_credentials` (login), 401 `unauthenticated` (me), 429 `login_delayed`
 * (+ `retryAfterSeconds`: too many failures for this name or address, try again after that), 400 `invalid_request`. `POST /api/auth/logout` → 204 (needs `x-csrf-token`).
 */
export const SessionResponse = Type.Object({
  user: SessionUser,
  csrfToken: Type.String(),
});
export type SessionResponse = Static<typeof SessionResponse>;

/**
 * `POST /api/auth/password` (signed in, `x-csrf-token`) → 204: the user's own new password; their other
 * sessions end, this one stays. 422 `wrong_password` (the current password is not right), 422
 * `weak_password` (same rules as every password), 429 `rate_limited`.
 */
export const ChangePasswordRequest = Type.Object(
  {
    currentPassword: Type.String({ minLength: 1, maxLength: 1000 }),
    newPassword: Type.String({ maxLength: 1000 }),
  },
  { additionalProperties: false },
);
export type ChangePasswordRequest = Static<typeof ChangePasswordRequest>;

// ---------------------------------------------------------------- users (admin)

const Code = Type.String({ minLength: 1, maxLength: 40 });

/** One row of `GET /api/admin/users` → 200 `AdminUser[]`. */
export const AdminUser = Type.Object({
  ...SessionUser.properties,
  disabled: Type.Boolean(),
  /** Set while the account is locked after failed sign-ins. */
  lockedUntil: Type.Union([Type.String({ format: "date-time" }), Type.Null()]),
  createdAt: Type.String({ format: "date-time" }),
});
export type AdminUser = Static<typeof AdminUser>;

export const AdminUserList = Type.Array(AdminUser);

/** `POST /api/admin/users` → 201 `AdminUser`; 409 `duplicate_username`; 422 `weak_password`. */
export const CreateUserRequest = Type.Object(
  {
    username: Type.String({ minLength: 2, maxLength: 60, pattern: "^[A-Za-z0-9._@-]+$" }),
    displayName: Type.String({ minLength: 1, maxLength: 100 }),
    password: Type.String({ maxLength: 1000 }),
    role: Role,
    townCodes: Type.Optional(Type.Array(Code, { maxItems: 500 })),
    domains: Type.Optional(Type.Array(Code, { maxItems: 100 })),
  },
  { additionalProperties: false },
);
export type CreateUserRequest = Static<typeof CreateUserRequest>;

/**
 * `PATCH /api/admin/users/:userId` → 200 `AdminUser`; 404 `unknown_user`; 422 `weak_password`;
 * 409 `last_admin` (the last active admin cannot be demoted or disabled).
 * A new `password` resets the password, unlocks the account and ends the user's sessions;
 * `disabled: true` also ends them.
 */
export const UpdateUserRequest = Type.Object(
  {
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    role: Type.Optional(Role),
    townCodes: Type.Optional(Type.Array(Code, { maxItems: 500 })),
    domains: Type.Optional(Type.Array(Code, { maxItems: 100 })),
    disabled: Type.Optional(Type.Boolean()),
    password: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  // An empty change is a mistake of the caller, not something to write (and audit).
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateUserRequest = Static<typeof UpdateUserRequest>;

export const UserIdParams = Type.Object({ userId: Type.String({ maxLength: 20 }) });
export type UserIdParams = Static<typeof UserIdParams>;

// ---------------------------------------------------------------- audit log (admin)

/** The audit query as it travels: numbers are text in a query string, checked by pattern. */
export const AuditQueryParams = Type.Object(
  {
    limit: Type.Optional(Type.String({ pattern: "^[0-9]{1,4}$" })),
    before: Type.Optional(Type.String({ pattern: "^[0-9]{1,15}$" })),
    action: Type.Optional(Type.String({ maxLength: 100 })),
    user: Type.Optional(Type.String({ maxLength: 100 })),
    /** First and last day (YYYY-MM-DD, Asia/Shanghai), both included. */
    from: Type.Optional(Type.String({ pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}$" })),
    to: Type.Optional(Type.String({ pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}$" })),
  },
  { additionalProperties: false },
);

/**
 * `GET /api/admin/audit?limit&before&action&user` as the console builds it (`user` = username; `before` = entry
 * id for paging). Kept as an interface: the console holds numbers, which `AuditQueryParams` receives as text.
 */
export interface AuditQuery {
  /** 1–500, default 100. */
  limit?: number;
  /** Only entries with a smaller id (the next page starts before the last id seen). */
  before?: number;
  action?: string;
  user?: string;
  /** First and last day, YYYY-MM-DD (Asia/Shanghai). */
  from?: string;
  to?: string;
}

export const AuditEntry = Type.Object({
  id: Type.Integer(),
  at: Type.String({ format: "date-time" }),
  userId: Type.Union([Type.Integer(), Type.Null()]),
  username: Type.Union([Type.String(), Type.Null()]),
  /** e.g. `user.create`, `user.update`, `auth.login`, `auth.login_failed`, `wave.open`, `frame.import`. */
  action: Type.String(),
  target: Type.Union([Type.String(), Type.Null()]),
  details: Type.Record(Type.String(), Type.Unknown()),
  ip: Type.Union([Type.String(), Type.Null()]),
  /** The user's name as people know it (null for nobody signed in). */
  displayName: Type.Union([Type.String(), Type.Null()]),
  /** The action in words, e.g. 作废问卷. */
  actionLabel: Type.String(),
  /** What was done to what, in a plain Chinese sentence: names instead of ids, no JSON. */
  description: Type.String(),
});
export type AuditEntry = Static<typeof AuditEntry>;

/** `GET /api/admin/audit` → 200. `nextBefore` is the `before` value of the next (older) page, null at the end. */
export const AuditPage = Type.Object({
  entries: Type.Array(AuditEntry),
  nextBefore: Type.Union([Type.Integer(), Type.Null()]),
});
export type AuditPage = Static<typeof AuditPage>;
