import { randomBytes } from "node:crypto";
import type { Database } from "@survey/db";
import { UnknownUserError } from "../../platform/errors";
import { recordAudit } from "./audit-service";
import { assertPasswordRules, forgetNameFailures, hashPassword } from "./auth-service";
import { deleteUserSessions } from "./data/sessions";
import { findUserByUsername, updateUserRow } from "./data/users";

/** Recorded as the actor of what the command line (`npm run admin`) changes. */
const COMMAND_LINE = { actor: { userId: null, username: "命令行" }, ip: "command-line" };

/**
 * Lets a name sign in again at once: forgets its failed sign-ins (an account's and the name's own), for
 * when someone keeps guessing an administrator's password. Unknown names are refused.
 */
export async function unlockAccount(db: Database, piiSecret: string, username: string, now: Date): Promise<void> {
  const user = await findUserByUsername(db, username);
  if (!user) throw new UnknownUserError();
  await updateUserRow(db, user.id, { failedLogins: 0, lockedUntil: null });
  await forgetNameFailures(db, piiSecret, username);
  await recordAudit(db, { ...COMMAND_LINE, at: now }, "user.unlock", `user:${user.id}`);
}

/**
 * Sets a new password (the given one, or a generated one that is returned to be shown once), forgets the
 * account's failed sign-ins and ends its sessions.
 */
export async function resetPassword(
  db: Database,
  piiSecret: string,
  input: { username: string; password?: string },
  now: Date,
): Promise<{ password: string; generated: boolean }> {
  const user = await findUserByUsername(db, input.username);
  if (!user) throw new UnknownUserError();
  const password = input.password ?? randomBytes(12).toString("base64url");
  assertPasswordRules(password);
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    await updateUserRow(tx, user.id, { passwordHash, failedLogins: 0, lockedUntil: null });
    await deleteUserSessions(tx, user.id);
  });
  await forgetNameFailures(db, piiSecret, input.username);
  const changes = { password: { from: "[hidden]", to: "[reset]" } };
  await recordAudit(db, { ...COMMAND_LINE, at: now }, "user.update", `user:${user.id}`, { changes });
  return { password, generated: input.password === undefined };
}
