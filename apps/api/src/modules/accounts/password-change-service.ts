import type { Database } from "@survey/db";
import argon2 from "argon2";
import { WrongPasswordError } from "../../platform/errors";
import { assertPasswordRules, hashPassword } from "./auth-service";
import { deleteOtherUserSessions } from "./data/sessions";
import { findUserById, updateUserRow } from "./data/users";

/**
 * A signed-in user's own new password, given the current one: the same rules as every password, and every
 * other session of the user ends (a session someone else holds with the old password stops working). The
 * session that asked stays signed in.
 */
export async function changeOwnPassword(
  db: Database,
  input: { userId: number; sessionIdHash: string; currentPassword: string; newPassword: string },
): Promise<void> {
  const user = await findUserById(db, input.userId);
  const matches = user ? await argon2.verify(user.passwordHash, input.currentPassword).catch(() => false) : false;
  if (!user || !matches) throw new WrongPasswordError();
  assertPasswordRules(input.newPassword);
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await updateUserRow(tx, user.id, { passwordHash });
    await deleteOtherUserSessions(tx, user.id, input.sessionIdHash);
  });
}
