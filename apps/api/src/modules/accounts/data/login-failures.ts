import { type Executor, loginFailures, queryRows } from "@survey/db";
import { eq, lte, type SQL, sql } from "drizzle-orm";

/**
 * How failed sign-ins slow a name or an address down: from the `threshold`-th failure on, each failure makes
 * the next attempt wait `baseDelayMs`, doubling up to `maxDelayMs`. A delay that ran out more than
 * `forgetAfterMs` ago is forgotten (the count starts afresh). There is no hard lock: whoever knows the
 * password gets in once the delay has passed, however many failures strangers caused.
 */
export interface DelayPolicy {
  threshold: number;
  baseDelayMs: number;
  maxDelayMs: number;
  forgetAfterMs: number;
}

/** The SQL for the new count and the new `delayed until` of a failure, given the columns' old values. */
export function failureStep(
  policy: DelayPolicy,
  old: { failures: SQL; delayedUntil: SQL },
  now: Date,
): { failures: SQL; delayedUntil: SQL } {
  const at = sql`${now.toISOString()}::timestamptz`;
  const forgotten = sql`(${old.delayedUntil} is not null and ${old.delayedUntil} < ${at} - ${policy.forgetAfterMs} * interval '1 millisecond')`;
  const failures = sql`(case when ${forgotten} then 1 else ${old.failures} + 1 end)`;
  // Doubling stops at 2^20 long before any count could overflow; the bound caps it anyway.
  const delayMs = sql`least(${policy.baseDelayMs} * power(2, least(${failures} - ${policy.threshold}, 20)), ${policy.maxDelayMs})`;
  const delayedUntil = sql`(case when ${failures} >= ${policy.threshold} then ${at} + ${delayMs} * interval '1 millisecond'
    when ${forgotten} then null else ${old.delayedUntil} end)`;
  return { failures, delayedUntil };
}

/** Until when sign-ins for this key (a name's or an address's hash) must wait, if a delay is recorded at all. */
export async function findLoginFailureDelay(db: Executor, key: string): Promise<Date | null> {
  const [row] = await db
    .select({ lockedUntil: loginFailures.lockedUntil })
    .from(loginFailures)
    .where(eq(loginFailures.usernameHash, key));
  return row?.lockedUntil ?? null;
}

/**
 * Counts a failed sign-in for a key (a username without an enabled account, or an address) in one
 * statement, so concurrent attempts cannot slip past the threshold; returns until when the key must wait.
 */
export async function recordLoginFailure(
  db: Executor,
  key: string,
  policy: DelayPolicy,
  now: Date,
): Promise<{ delayedUntil: Date | null }> {
  const first = failureStep(policy, { failures: sql`0`, delayedUntil: sql`null::timestamptz` }, now);
  const next = failureStep(
    policy,
    { failures: sql`login_failures.failures`, delayedUntil: sql`login_failures.locked_until` },
    now,
  );
  const rows = await queryRows<{ locked_until: string | Date | null }>(
    db,
    sql`
    insert into login_failures (username_hash, failures, locked_until, updated_at)
    values (${key}, ${first.failures}, ${first.delayedUntil}, ${now.toISOString()}::timestamptz)
    on conflict (username_hash) do update set
      failures = ${next.failures},
      locked_until = ${next.delayedUntil},
      updated_at = excluded.updated_at
    returning locked_until`,
  );
  const value = rows[0]?.locked_until;
  return { delayedUntil: value ? new Date(value) : null };
}

/** Forgets a key's failures (the command line's `unlock`). */
export async function deleteLoginFailures(db: Executor, key: string): Promise<void> {
  await db.delete(loginFailures).where(eq(loginFailures.usernameHash, key));
}

/** Rows whose delay ran out long enough ago to be forgotten hold nothing that a missing row does not. */
export async function deleteSpentLoginFailures(db: Executor, policy: DelayPolicy, now: Date): Promise<void> {
  await db.delete(loginFailures).where(lte(loginFailures.lockedUntil, new Date(now.getTime() - policy.forgetAfterMs)));
}
