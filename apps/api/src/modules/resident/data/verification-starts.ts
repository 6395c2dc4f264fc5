import { type Executor, queryRows } from "@survey/db";
import { sql } from "drizzle-orm";

/**
 * Records one verification start from the address (by its keyed hash) and returns, in the same round trip, how
 * many the address started since `addressSince` and the service since `serviceSince`, before this one.
 */
export async function recordVerificationStart(
  db: Executor,
  input: { clientHash: string; now: Date; addressSince: Date; serviceSince: Date },
): Promise<{ fromAddress: number; inService: number }> {
  const [row] = await queryRows<{ from_address: number; in_service: number }>(
    db,
    sql`with started as (
        insert into verification_starts (client_hash, started_at) values (${input.clientHash}, ${input.now.toISOString()})
      )
      select
        (select count(*)::int from verification_starts
          where client_hash = ${input.clientHash} and started_at > ${input.addressSince.toISOString()}) as from_address,
        (select count(*)::int from verification_starts
          where started_at > ${input.serviceSince.toISOString()}) as in_service`,
  );
  return { fromAddress: row?.from_address ?? 0, inService: row?.in_service ?? 0 };
}

/** Marks a challenge's signature used; false when it already was (a replayed solution). */
export async function spendChallenge(db: Executor, signature: string, expiresAt: Date): Promise<boolean> {
  const rows = await queryRows<{ signature: string }>(
    db,
    sql`insert into spent_challenges (signature, expires_at) values (${signature}, ${expiresAt.toISOString()})
      on conflict (signature) do nothing returning signature`,
  );
  return rows.length > 0;
}
