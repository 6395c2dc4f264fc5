import { type Executor, queryRows } from "@survey/db";
import { sql } from "drizzle-orm";

/** A verification is only ever read until its code expires; the slack covers a confirm already under way. */
const VERIFICATION_KEPT_MS = 60 * 60_000;
/** Sends of the last 24 hours count toward a phone's daily cap; older ones decide nothing. */
const SMS_WINDOW_MS = 24 * 3600_000;

export interface PrunedRecords {
  verifications: number;
  phoneWindows: number;
  outboxMessages: number;
  verificationStarts: number;
  spentChallenges: number;
}

async function deleted(db: Executor, statement: ReturnType<typeof sql>): Promise<number> {
  const rows = await queryRows<{ n: number }>(
    db,
    sql`with gone as (${statement} returning 1) select count(*)::int as n from gone`,
  );
  return rows[0]?.n ?? 0;
}

/**
 * Deletes what verification keeps about people only for a while: verifications (ID and phone hashes, sex,
 * birth year, the code's hash) an hour after their code expired, phones' send windows a day after their
 * last send, and development SMS a day after they were written. Responses and reservations are not touched.
 */
export async function pruneSpentVerificationRecords(db: Executor, now: Date): Promise<PrunedRecords> {
  const verificationsBefore = new Date(now.getTime() - VERIFICATION_KEPT_MS).toISOString();
  const smsBefore = new Date(now.getTime() - SMS_WINDOW_MS).toISOString();
  return {
    verifications: await deleted(
      db,
      sql`delete from verifications where expires_at < ${verificationsBefore}::timestamptz`,
    ),
    phoneWindows: await deleted(
      db,
      sql`delete from phone_sms_windows
          where coalesce(sent_at[cardinality(sent_at)], '-infinity') <= ${smsBefore}::timestamptz`,
    ),
    outboxMessages: await deleted(db, sql`delete from dev_sms_outbox where created_at <= ${smsBefore}::timestamptz`),
    // Starts count toward the challenge for 10 minutes; an hour is kept.
    verificationStarts: await deleted(
      db,
      sql`delete from verification_starts where started_at < ${verificationsBefore}::timestamptz`,
    ),
    spentChallenges: await deleted(
      db,
      sql`delete from spent_challenges where expires_at < ${now.toISOString()}::timestamptz`,
    ),
  };
}
