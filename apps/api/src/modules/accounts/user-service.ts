import type { AdminUser, CreateUserRequest, UpdateUserRequest } from "@survey/contract";
import type { Database } from "@survey/db";
import { DuplicateUsernameError, InvalidRequestError, LastAdminError, UnknownUserError } from "../../platform/errors";
import { pgConstraint, pgErrorCode } from "../../platform/transaction-retry";
import { assertPasswordRules, hashPassword, toSessionUser } from "./auth-service";
import { deleteUserSessions } from "./data/sessions";
import {
  findUserById,
  insertUser,
  knownTownCodes,
  listUsers,
  lockActiveAdminsAndUser,
  type UserRow,
  updateUserRow,
} from "./data/users";

function toAdminUser(user: UserRow, now: Date): AdminUser {
  return {
    ...toSessionUser(user),
    disabled: user.disabled,
    lockedUntil: user.lockedUntil && user.lockedUntil > now ? user.lockedUntil.toISOString() : null,
    createdAt: user.createdAt.toISOString(),
  };
}

async function assertKnownTowns(db: Database, townCodes: string[] | undefined): Promise<void> {
  if (!townCodes || townCodes.length === 0) return;
  const known = await knownTownCodes(db, townCodes);
  const unknown = townCodes.filter((code) => !known.has(code));
  if (unknown.length > 0)
    throw new InvalidRequestError({ field: "townCodes", townCodes: unknown }, "有的街镇编码不存在。");
}

export async function listAdminUsers(db: Database, now: Date): Promise<AdminUser[]> {
  return (await listUsers(db)).map((user) => toAdminUser(user, now));
}

export async function createUser(db: Database, input: CreateUserRequest, now: Date): Promise<AdminUser> {
  assertPasswordRules(input.password);
  await assertKnownTowns(db, input.townCodes);
  try {
    const user = await insertUser(db, {
      username: input.username,
      displayName: input.displayName,
      passwordHash: await hashPassword(input.password),
      role: input.role,
      townCodes: [...new Set(input.townCodes ?? [])],
      domains: [...new Set(input.domains ?? [])],
      createdAt: now,
    });
    return toAdminUser(user, now);
  } catch (error) {
    if (pgErrorCode(error) === "23505" && pgConstraint(error)?.includes("username"))
      throw new DuplicateUsernameError({ field: "username" });
    throw error;
  }
}

export interface UserUpdateResult {
  user: AdminUser;
  /** What changed, for the audit log (never the password itself). */
  changes: Record<string, { from: unknown; to: unknown }>;
}

/**
 * Changes a user's name, role, scopes, disabled flag or password. A new password also unlocks the
 * account; disabling or a new password ends the user's sessions. The last active admin stays admin.
 */
export async function updateUser(
  db: Database,
  userId: number,
  update: UpdateUserRequest,
  now: Date,
): Promise<UserUpdateResult> {
  const found = await findUserById(db, userId);
  if (!found) throw new UnknownUserError();
  if (update.password !== undefined) assertPasswordRules(update.password);
  await assertKnownTowns(db, update.townCodes);
  const townCodes = update.townCodes && [...new Set(update.townCodes)];
  const domains = update.domains && [...new Set(update.domains)];
  const passwordHash = update.password === undefined ? undefined : await hashPassword(update.password);

  return db.transaction(async (tx) => {
    // The check and the change are one step: with the active admins locked, two admins demoting or
    // disabling each other at once cannot both see "another admin remains".
    const locked = await lockActiveAdminsAndUser(tx, found.id);
    const before = locked.find((row) => row.id === found.id);
    if (!before) throw new UnknownUserError();
    const losesAdmin =
      before.role === "admin" && !before.disabled && ((update.role ?? "admin") !== "admin" || update.disabled === true);
    if (losesAdmin && !locked.some((row) => row.id !== before.id && row.role === "admin" && !row.disabled)) {
      throw new LastAdminError();
    }

    const changes: UserUpdateResult["changes"] = {};
    const note = (field: string, from: unknown, to: unknown) => {
      if (to !== undefined && JSON.stringify(from) !== JSON.stringify(to)) changes[field] = { from, to };
    };
    note("displayName", before.displayName, update.displayName);
    note("role", before.role, update.role);
    note("townCodes", before.townCodes, townCodes);
    note("domains", before.domains, domains);
    note("disabled", before.disabled, update.disabled);
    if (passwordHash) changes.password = { from: "[hidden]", to: "[reset]" };

    const row = await updateUserRow(tx, before.id, {
      displayName: update.displayName,
      role: update.role,
      townCodes,
      domains,
      disabled: update.disabled,
      ...(passwordHash ? { passwordHash, failedLogins: 0, lockedUntil: null } : {}),
    });
    if (!row) throw new UnknownUserError();
    if (passwordHash || update.disabled === true) await deleteUserSessions(tx, before.id);
    return { user: toAdminUser(row, now), changes };
  });
}
