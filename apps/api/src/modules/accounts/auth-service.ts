import { createHash, createHmac, randomBytes } from "node:crypto";
import { MIN_PASSWORD_LENGTH, type SessionUser } from "@survey/contract";
import type { Database } from "@survey/db";
import { type PasswordProblem, passwordProblem } from "@survey/identity";
import argon2 from "argon2";
import type { FirstAdmin, SessionAuthority } from "../../platform/auth/session-authority";
import { AppError, InvalidCredentialsError, SignInDelayedError, WeakPasswordError } from "../../platform/errors";
import {
  type DelayPolicy,
  deleteLoginFailures,
  deleteSpentLoginFailures,
  findLoginFailureDelay,
  recordLoginFailure,
} from "./data/login-failures";
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

/** A name (an account's or not) slows down from its 5th failure: 1 s, 2 s, 4 s … at most a minute. */
export const NAME_DELAYS: DelayPolicy = {
  threshold: 5,
  baseDelayMs: 1000,
  maxDelayMs: 60_000,
  forgetAfterMs: 24 * 60 * 60 * 1000,
};
/** An address slows down later (an office shares one address), against guessing many names' passwords. */
export const ADDRESS_DELAYS: DelayPolicy = { ...NAME_DELAYS, threshold: 20 };
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

const PASSWORD_PROBLEM_MESSAGES: Record<PasswordProblem, string> = {
  too_short: `密码至少需要${MIN_PASSWORD_LENGTH}个字符。`,
  blank: `密码不能只有空格，去掉空格后至少需要${MIN_PASSWORD_LENGTH}个字符。`,
  too_simple: "密码不能是同一个字符或几个字符的重复，请换一个。",
  common: "这是最常用的密码之一，很容易被猜到，请换一个。",
};

export function assertPasswordRules(password: string): void {
  const problem = passwordProblem(password, MIN_PASSWORD_LENGTH);
  if (problem) {
    throw new WeakPasswordError(
      { minLength: MIN_PASSWORD_LENGTH, reason: problem },
      PASSWORD_PROBLEM_MESSAGES[problem],
    );
  }
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

/** The key of an address's failures in `login_failures` (the address is not kept either). */
function addressFailureKey(secret: string, address: string): string {
  return createHmac("sha256", secret).update(`address:${address}`).digest("hex");
}

function assertNotDelayed(delayedUntil: Date | null, now: Date): void {
  if (delayedUntil && delayedUntil > now) {
    const retryAfterSeconds = Math.max(1, Math.ceil((delayedUntil.getTime() - now.getTime()) / 1000));
    throw new SignInDelayedError({ retryAfterSeconds });
  }
}

/** The answer to a failed attempt: 429 when it started a delay, else 401. */
function failed(delayedUntil: Date | null, now: Date): never {
  assertNotDelayed(delayedUntil, now);
  throw new InvalidCredentialsError();
}

interface Attempt {
  username: string;
  password: string;
  /** The address the attempt came from (`request.ip`). */
  address: string;
  found: UserRow | undefined;
}

/**
 * Checks a username and password. An unknown user, a disabled one and a wrong password all get the
 * same `invalid_credentials` after the same argon2 work, and failures delay a name in the same steps
 * whether or not it has an account: 429 must not tell a real account from a made-up one. While a name or
 * the address must wait, even the right password is refused (without counting), so guessing gets no faster.
 */
async function checkCredentials(db: Database, piiSecret: string, attempt: Attempt, now: Date): Promise<UserRow> {
  const { username, password, found } = attempt;
  const user = found && !found.disabled ? found : undefined;
  const failureKey = loginFailureKey(piiSecret, username);
  const addressKey = addressFailureKey(piiSecret, attempt.address);
  // Read on every sign-in, so that both kinds of name cost the same queries.
  const nameDelayedUntil = await findLoginFailureDelay(db, failureKey);
  const addressDelayedUntil = await findLoginFailureDelay(db, addressKey);
  const matches = await argon2.verify(found?.passwordHash ?? (await decoy()), password).catch(() => false);
  assertNotDelayed(addressDelayedUntil, now);
  assertNotDelayed(user ? user.lockedUntil : nameDelayedUntil, now);
  if (user && matches) return user;
  const address = await recordLoginFailure(db, addressKey, ADDRESS_DELAYS, now);
  const name = user
    ? await recordFailedLogin(db, user.id, NAME_DELAYS, now)
    : await recordLoginFailure(db, failureKey, NAME_DELAYS, now);
  failed(latest(name.delayedUntil, address.delayedUntil), now);
}

/** Forgets a name's own failures (recorded while it had no enabled account). */
export async function forgetNameFailures(db: Database, piiSecret: string, username: string): Promise<void> {
  await deleteLoginFailures(db, loginFailureKey(piiSecret, username));
}

function latest(a: Date | null, b: Date | null): Date | null {
  if (!a || !b) return a ?? b;
  return a > b ? a : b;
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
  credentials: { username: string; password: string; address: string },
  now: Date,
): Promise<SignedIn> {
  const found = await findUserByUsername(db, credentials.username);
  let user: UserRow;
  try {
    user = await checkCredentials(db, piiSecret, { ...credentials, found }, now);
  } catch (error) {
    if (error instanceof AppError) throw new SignInRefused(error, found !== undefined);
    throw error;
  }
  if (user.failedLogins > 0 || user.lockedUntil) await clearFailedLogins(db, user.id);
  // Ended sessions and spent lock rows are dead weight; sign-ins are rare enough to sweep them here.
  await deleteExpiredSessions(db, now);
  await deleteSpentLoginFailures(db, NAME_DELAYS, now);
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

/**
 * Whether a session is still live and its user's access is still what it was when a long-lived stream opened:
 * the same role, towns and domains (a demoted or re-scoped user's stream ends; the console reconnects with the
 * new access).
 */
export async function sessionStillLive(db: Database, idHash: string, now: Date, opened: SessionUser): Promise<boolean> {
  const found = await findLiveSession(db, idHash, now);
  if (!found) return false;
  const current = toSessionUser(found.user);
  return (
    current.role === opened.role &&
    JSON.stringify(current.townCodes) === JSON.stringify(opened.townCodes) &&
    JSON.stringify(current.domains) === JSON.stringify(opened.domains)
  );
}

/** The accounts side of the auth plugin: a cookie's session with its user, and the first administrator. */
export const sessionAuthority: SessionAuthority = {
  async resumeSession(db, token, now) {
    const active = await resumeSession(db, token, now);
    return active && { user: toSessionUser(active.user), session: active.session };
  },
  ensureFirstAdmin,
};
