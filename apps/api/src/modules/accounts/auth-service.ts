import { createHash, createHmac, randomBytes } from "node:crypto";
import { MIN_PASSWORD_LENGTH, type SessionUser } from "@survey/contract";
import type { Database } from "@survey/db";
import argon2 from "argon2";
import type { FirstAdmin, SessionAuthority } from "../../platform/auth/session-authority";
import { AccountLockedError, AppError, InvalidCredentialsError, WeakPasswordError } from "../../platform/errors";
import { deleteSpentLoginFailures, findLoginFailureLock, recordUnknownLoginFailure } from "./data/login-failures";
import {
  deleteExpiredSessions,
  deleteSession,
  extendSession,
  findLiveSession,
  insertSession,
  type SessionRow,
} from "./data/sessions";
import {
  clearFailedLogins,
  countUsers,
  findUserByUsername,
  insertFirstAdmin,
  recordFailedLogin,
  type UserRow,
} from "./data/users";

const MAX_FAILED_LOGINS = 5;
const LOCKOUT_MS = 15 * 60 * 1000;
/** Idle lifetime: every use of a session pushes its end this far ahead… */
const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
/** …but never past this age, so a stolen cookie does not live forever. */
const SESSION_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;
/** Extending on every request would write on every request; a minute of slack is enough. */
const SESSION_EXTEND_STEP_MS = 60 * 1000;

export function toSessionUser(user: UserRow): SessionUser {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    townCodes: user.townCodes,
    domains: user.domains,
  };
}

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

export function assertPasswordRules(password: string): void {
  if ([...password].length < MIN_PASSWORD_LENGTH) throw new WeakPasswordError({ minLength: MIN_PASSWORD_LENGTH });
}

/** SHA-256 of a session cookie value: the database never holds a usable cookie. */
function hashSessionToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

// An unknown username is checked against this hash, so it costs as long as a wrong password.
let decoyHash: Promise<string> | undefined;
function decoy(): Promise<string> {
  decoyHash ??= hashPassword(randomBytes(16).toString("hex"));
  return decoyHash;
}

export interface SignedIn {
  user: UserRow;
  /** The cookie value; only its hash is stored. */
  sessionToken: string;
  csrfToken: string;
}

/** The key of `login_failures`: an HMAC of the username exactly as the sign-in looks it up. */
function loginFailureKey(secret: string, username: string): string {
  return createHmac("sha256", secret).update(`login:${username}`).digest("hex");
}

function assertNotLocked(lockedUntil: Date | null, now: Date): void {
  if (lockedUntil && lockedUntil > now) throw new AccountLockedError({ lockedUntil: lockedUntil.toISOString() });
}

/** The answer to a failed attempt: 423 when it was the one that locked, else 401. */
function failed(lockedUntil: Date | null, now: Date): never {
  assertNotLocked(lockedUntil, now);
  throw new InvalidCredentialsError();
}

/**
 * Checks a username and password. An unknown user, a disabled one and a wrong password all get the
 * same `invalid_credentials` after the same argon2 work, and the `limit`-th failure locks the name
 * whether or not it has an account: 423 must not tell a real account from a made-up one.
 */
async function checkCredentials(
  db: Database,
  piiSecret: string,
  attempt: { username: string; password: string; found: UserRow | undefined },
  now: Date,
): Promise<UserRow> {
  const { username, password, found } = attempt;
  const user = found && !found.disabled ? found : undefined;
  const failureKey = loginFailureKey(piiSecret, username);
  // Read on every sign-in, so that both kinds of name cost the same queries.
  const nameLockedUntil = await findLoginFailureLock(db, failureKey);
  const matches = await argon2.verify(found?.passwordHash ?? (await decoy()), password).catch(() => false);
  const lockUntil = new Date(now.getTime() + LOCKOUT_MS);
  if (!user) {
    // No enabled account: every attempt is a failure and counts as a wrong password would.
    assertNotLocked(nameLockedUntil, now);
    const { lockedUntil } = await recordUnknownLoginFailure(db, failureKey, MAX_FAILED_LOGINS, lockUntil, now);
    failed(lockedUntil, now);
  }
  assertNotLocked(user.lockedUntil, now);
  if (!matches) {
    const { lockedUntil } = await recordFailedLogin(db, user.id, MAX_FAILED_LOGINS, lockUntil);
    failed(lockedUntil, now);
  }
  return user;
}

/**
 * A refused sign-in (`refusal`, the error to answer with) and whether the name typed is an account's: the
 * audit log keeps a typed name only when it is one, since a made-up "name" may be a password typed into
 * the wrong field.
 */
export class SignInRefused extends Error {
  constructor(
    readonly refusal: AppError,
    readonly nameIsAccount: boolean,
  ) {
    super(refusal.message);
    this.name = "SignInRefused";
  }
}

/** Signs in: a new session for the enabled user whose password matches, or SignInRefused. */
export async function signIn(
  db: Database,
  piiSecret: string,
  username: string,
  password: string,
  now: Date,
): Promise<SignedIn> {
  const found = await findUserByUsername(db, username);
  let user: UserRow;
  try {
    user = await checkCredentials(db, piiSecret, { username, password, found }, now);
  } catch (error) {
    if (error instanceof AppError) throw new SignInRefused(error, found !== undefined);
    throw error;
  }
  if (user.failedLogins > 0 || user.lockedUntil) await clearFailedLogins(db, user.id);
  // Ended sessions and spent lock rows are dead weight; sign-ins are rare enough to sweep them here.
  await deleteExpiredSessions(db, now);
  await deleteSpentLoginFailures(db, now);
  const sessionToken = randomBytes(32).toString("base64url");
  const csrfToken = randomBytes(32).toString("base64url");
  await insertSession(db, {
    idHash: hashSessionToken(sessionToken),
    userId: user.id,
    csrfToken,
    createdAt: now,
    expiresAt: new Date(now.getTime() + SESSION_IDLE_MS),
  });
  return { user, sessionToken, csrfToken };
}

export interface ActiveSession {
  session: SessionRow;
  user: UserRow;
}

/** The live session behind a cookie value, its idle lifetime pushed forward. */
export async function resumeSession(db: Database, token: string, now: Date): Promise<ActiveSession | undefined> {
  const idHash = hashSessionToken(token);
  const found = await findLiveSession(db, idHash, now);
  if (!found) return undefined;
  const wanted = Math.min(now.getTime() + SESSION_IDLE_MS, found.session.createdAt.getTime() + SESSION_MAX_AGE_MS);
  if (wanted - found.session.expiresAt.getTime() >= SESSION_EXTEND_STEP_MS) {
    const expiresAt = new Date(wanted);
    await extendSession(db, idHash, expiresAt);
    found.session.expiresAt = expiresAt;
  }
  return found;
}

export async function endSession(db: Database, idHash: string): Promise<void> {
  await deleteSession(db, idHash);
}

/**
 * Creates the first administrator when there are no users: with ADMIN_PASSWORD if configured, else a
 * generated password that the caller shows once. Safe with several processes starting at once.
 */
export async function ensureFirstAdmin(
  db: Database,
  config: { adminUsername: string; adminPassword?: string },
): Promise<FirstAdmin> {
  if ((await countUsers(db)) > 0) return { created: false };
  const generatedPassword = config.adminPassword ? undefined : randomBytes(12).toString("base64url");
  const password = config.adminPassword ?? generatedPassword ?? "";
  const created = await insertFirstAdmin(db, {
    username: config.adminUsername,
    displayName: "系统管理员",
    passwordHash: await hashPassword(password),
  });
  if (!created) return { created: false };
  return { created: true, username: config.adminUsername, generatedPassword };
}

/** Whether a session is still live (for long-lived streams that outlast the request that opened them). */
export async function sessionStillLive(db: Database, idHash: string, now: Date): Promise<boolean> {
  return (await findLiveSession(db, idHash, now)) !== undefined;
}

/** The accounts side of the auth plugin: a cookie's session with its user, and the first administrator. */
export const sessionAuthority: SessionAuthority = {
  async resumeSession(db, token, now) {
    const active = await resumeSession(db, token, now);
    return active && { user: toSessionUser(active.user), session: active.session };
  },
  ensureFirstAdmin,
};
