import type { SessionUser } from "@survey/contract";
import type { Database, sessions } from "@survey/db";
import type { Config } from "../config";

/** A stored console session (the cookie's hash, its user, its CSRF token and lifetime). */
export type AuthSession = typeof sessions.$inferSelect;

export type FirstAdmin = { created: false } | { created: true; username: string; generatedPassword?: string };

/**
 * Where the auth plugin's sessions come from: the accounts module, handed in by the app, so that the
 * platform knows no module.
 */
export interface SessionAuthority {
  /** The live session behind a cookie value and its user, its idle lifetime pushed forward. */
  resumeSession(
    db: Database,
    token: string,
    now: Date,
  ): Promise<{ user: SessionUser; session: AuthSession } | undefined>;
  /** Creates the first administrator when there are no users. */
  ensureFirstAdmin(db: Database, config: Config): Promise<FirstAdmin>;
}
