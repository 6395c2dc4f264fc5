import { type Executor, queryRows, towns, users } from "@survey/db";
import { and, asc, eq, inArray, or, sql } from "drizzle-orm";
import { type DelayPolicy, failureStep } from "./login-failures";

export type UserRow = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;

export async function findUserByUsername(db: Executor, username: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.username, username));
  return row;
}

export async function findUserById(db: Executor, userId: number): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, userId));
  return row;
}

export async function listUsers(db: Executor): Promise<UserRow[]> {
  return db.select().from(users).orderBy(asc(users.username));
}

export async function insertUser(db: Executor, user: NewUser): Promise<UserRow> {
  const [row] = await db.insert(users).values(user).returning();
  if (!row) throw new Error("user insert returned nothing");
  return row;
}

export async function updateUserRow(
  db: Executor,
  userId: number,
  changes: Partial<Omit<NewUser, "id" | "username" | "createdAt">>,
): Promise<UserRow | undefined> {
  const [row] = await db.update(users).set(changes).where(eq(users.id, userId)).returning();
  return row;
}

/**
 * Locks, in id order, every active (not disabled) admin and the given user, and returns them as they
 * are now. Two changes that could each take away an admin then run one after the other: the second
 * sees the first one's result, so "the last active admin stays admin" holds under concurrency.
 */
export async function lockActiveAdminsAndUser(tx: Executor, userId: number): Promise<UserRow[]> {
  return tx
    .select()
    .from(users)
    .where(or(and(eq(users.role, "admin"), eq(users.disabled, false)), eq(users.id, userId)))
    .orderBy(asc(users.id))
    .for("update");
}

/**
 * Counts a failed sign-in in one statement, so concurrent attempts cannot slip past the threshold; returns
 * until when the account's next sign-in must wait (the same steps as a name without an account).
 */
export async function recordFailedLogin(
  db: Executor,
  userId: number,
  policy: DelayPolicy,
  now: Date,
): Promise<{ delayedUntil: Date | null }> {
  const step = failureStep(policy, { failures: sql`failed_logins`, delayedUntil: sql`locked_until` }, now);
  const rows = await queryRows<{ locked_until: string | Date | null }>(
    db,
    sql`
    update users set failed_logins = ${step.failures}, locked_until = ${step.delayedUntil}
    where id = ${userId}
    returning locked_until`,
  );
  const value = rows[0]?.locked_until;
  return { delayedUntil: value ? new Date(value) : null };
}

export async function clearFailedLogins(db: Executor, userId: number): Promise<void> {
  await db.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, userId));
}

/**
 * Creates the first administrator only while the users table is empty. Processes starting together
 * race safely: the existence check and the insert are one statement, and the unique username turns a
 * lost race into "nothing inserted". Returns whether this call created it.
 */
export async function insertFirstAdmin(
  db: Executor,
  admin: { username: string; displayName: string; passwordHash: string },
): Promise<boolean> {
  const rows = await queryRows(
    db,
    sql`
    insert into users (username, display_name, password_hash, role)
    select ${admin.username}, ${admin.displayName}, ${admin.passwordHash}, 'admin'
    where not exists (select 1 from users)
    on conflict (username) do nothing
    returning id`,
  );
  return rows.length > 0;
}

export async function countUsers(db: Executor): Promise<number> {
  const rows = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from users`);
  return Number(rows[0]?.n ?? 0);
}

/** The codes among these that name a town of the frame (a staff user's towns must). */
export async function knownTownCodes(db: Executor, townCodes: string[]): Promise<Set<string>> {
  const found = await db.select({ code: towns.code }).from(towns).where(inArray(towns.code, townCodes));
  return new Set(found.map((row) => row.code));
}
