import { type Executor, loginFailures, queryRows } from "@survey/db";
import { and, eq, lte, sql } from "drizzle-orm";

/** Until when sign-ins for this username hash are refused, if a lock is recorded at all. */
export async function findLoginFailureLock(db: Executor, usernameHash: string): Promise<Date | null> {
  const [row] = await db
    .select({ lockedUntil: loginFailures.lockedUntil })
    .from(loginFailures)
    .where(eq(loginFailures.usernameHash, usernameHash));
  return row?.lockedUntil ?? null;
}

/**
 * Counts a failed sign-in for a username without an enabled account, in one statement like
 * `recordFailedLogin`: the attempt that reaches `limit` locks until `lockUntil` and starts afresh.
 */
export async function recordUnknownLoginFailure(
  db: Executor,
  usernameHash: string,
  limit: number,
  lockUntil: Date,
  now: Date,
): Promise<{ lockedUntil: Date | null }> {
  const until = lockUntil.toISOString();
  const rows = await queryRows<{ locked_until: string | Date | null }>(
    db,
    sql`
    insert into login_failures (username_hash, failures, locked_until, updated_at)
    values (
      ${usernameHash},
      case when 1 >= ${limit} then 0 else 1 end,
      case when 1 >= ${limit} then ${until}::timestamptz end,
      ${now.toISOString()}::timestamptz)
    on conflict (username_hash) do update set
      failures = case when login_failures.failures + 1 >= ${limit} then 0 else login_failures.failures + 1 end,
      locked_until = case when login_failures.failures + 1 >= ${limit} then ${until}::timestamptz
                          else login_failures.locked_until end,
      updated_at = excluded.updated_at
    returning locked_until`,
  );
  const value = rows[0]?.locked_until;
  return { lockedUntil: value ? new Date(value) : null };
}

/** Rows whose lock has run out and whose count restarted hold nothing that a missing row does not. */
export async function deleteSpentLoginFailures(db: Executor, now: Date): Promise<void> {
  await db.delete(loginFailures).where(and(eq(loginFailures.failures, 0), lte(loginFailures.lockedUntil, now)));
}
