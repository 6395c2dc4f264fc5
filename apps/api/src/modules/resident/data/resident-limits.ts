import { type Executor, queryRows } from "@survey/db";
import { sql } from "drizzle-orm";

/**
 * The counts behind the limits that bound quota squatting (SPEC §6): reservations held per client address
 * and new reservations per community per minute. Both are read inside confirm's transaction.
 */

/** Two confirms from one address take turns from here to the end of the transaction, so neither overshoots. */
export async function lockClientAddress(tx: Executor, clientHash: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`held:${clientHash}`}, 0))`);
}

/** Active, unexpired reservations confirmed from the address (by its keyed hash). */
export async function reservationsHeldFrom(tx: Executor, clientHash: string, now: Date): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    tx,
    sql`select count(distinct r.id)::int as n from verifications v join reservations r on r.id = v.reservation_id
        where v.client_hash = ${clientHash} and r.status = 'active' and r.expires_at > ${now.toISOString()}`,
  );
  return row?.n ?? 0;
}

/** Records which address (by its keyed hash) confirms the verification. */
export async function markConfirmingAddress(tx: Executor, verificationId: string, clientHash: string): Promise<void> {
  await tx.execute(sql`update verifications set client_hash = ${clientHash} where id = ${verificationId}`);
}

/**
 * Reservations the community handed out after `since`. Read after this transaction's claim, whose update of
 * the community's quota row makes concurrent claims in the community take turns: each sees the ones before.
 */
export async function communityClaimsSince(
  tx: Executor,
  community: { waveId: number; communityCode: string },
  since: Date,
): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    tx,
    sql`select count(*)::int as n from reservations
        where wave_id = ${community.waveId} and community_code = ${community.communityCode}
          and created_at > ${since.toISOString()}`,
  );
  return row?.n ?? 0;
}
