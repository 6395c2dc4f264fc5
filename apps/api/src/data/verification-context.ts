import { type Executor, verifications, waveCommunities, waves, waveTowns } from "@survey/db";
import { and, eq, type SQL, sql } from "drizzle-orm";

/**
 * The reads that decide the two verification steps, one statement each: a resident's start and confirm
 * are the hottest requests of a survey announcement, and every round trip costs both processes CPU.
 */

/** A person's active reservation as the verification steps need it (possibly past its time, not yet swept). */
export interface PersonReservation {
  id: string;
  idHash: string;
  phoneHash: string;
  expiresAt: Date;
  draft: Record<string, unknown>;
}

/** Rows of `reservations r` / `responses r` belonging to this person (by ID number or phone) in the wave. */
function personFilter(waveId: unknown, idHash: unknown, phoneHash: unknown): SQL {
  return sql`r.wave_id = ${waveId} and (r.id_hash = ${idHash} or r.phone_hash = ${phoneHash})`;
}

function respondedSql(person: SQL) {
  return sql<boolean>`exists (select 1 from responses r where ${person})`;
}

function activeReservationsSql(person: SQL) {
  return sql<PersonReservation[] | string>`(select coalesce(json_agg(json_build_object('id', r.id,
    'idHash', r.id_hash, 'phoneHash', r.phone_hash, 'expiresAt', r.expires_at, 'draft', r.draft)), '[]')
    from reservations r where r.status = 'active' and ${person})`;
}

/** json_agg comes back parsed from pg and PGlite alike, but its timestamps stay strings. */
function parseReservations(held: PersonReservation[] | string): PersonReservation[] {
  const list = (typeof held === "string" ? JSON.parse(held) : held) as PersonReservation[];
  return list.map((reservation) => ({ ...reservation, expiresAt: new Date(reservation.expiresAt) }));
}

/**
 * What start checks: the wave, the community (with its town) in the wave, whether each still has room,
 * and — when the ID number and phone could be hashed — whether the person has responded and what
 * reservations they hold. Undefined when the wave does not exist.
 */
export async function findStartContext(
  db: Executor,
  input: { waveId: number; communityCode: string; person?: { idHash: string; phoneHash: string } },
) {
  const person = personFilter(waves.id, input.person?.idHash ?? null, input.person?.phoneHash ?? null);
  const [row] = await db
    .select({
      wave: waves,
      communityTown: waveCommunities.townCode,
      communityRoom: sql<boolean>`${waveCommunities.completed} + ${waveCommunities.reserved} < ${waveCommunities.cap}`,
      townRoom: sql<boolean>`${waveTowns.completed} + ${waveTowns.reserved} < ${waveTowns.target}`,
      responded: input.person ? respondedSql(person) : sql<boolean>`false`,
      held: input.person ? activeReservationsSql(person) : sql<string>`'[]'`,
    })
    .from(waves)
    .leftJoin(
      waveCommunities,
      and(eq(waveCommunities.waveId, waves.id), eq(waveCommunities.communityCode, input.communityCode)),
    )
    .leftJoin(waveTowns, and(eq(waveTowns.waveId, waves.id), eq(waveTowns.townCode, waveCommunities.townCode)))
    .where(eq(waves.id, input.waveId));
  if (!row) return undefined;
  const community = row.communityTown === null ? undefined : { code: input.communityCode, townCode: row.communityTown };
  return { ...row, community, held: parseReservations(row.held) };
}

/**
 * What confirm decides on: the verification (locked, so two confirms of one code take turns), its wave,
 * whether the person has responded, the active reservations of their ID number or phone, and the draft of
 * their latest expired reservation. The unique indexes stay the real guard against a second slot: what
 * this read misses of a concurrent confirm, the insert runs into.
 */
export async function findConfirmContext(tx: Executor, verificationId: string) {
  const person = personFilter(verifications.waveId, verifications.idHash, verifications.phoneHash);
  const [row] = await tx
    .select({
      verification: verifications,
      wave: waves,
      responded: respondedSql(person),
      held: activeReservationsSql(person),
      expiredDraft: sql<Record<string, unknown> | null>`(select r.draft from reservations r
        where r.wave_id = ${verifications.waveId} and r.id_hash = ${verifications.idHash} and r.status = 'expired'
        order by r.created_at desc limit 1)`,
    })
    .from(verifications)
    .leftJoin(waves, eq(waves.id, verifications.waveId))
    .where(eq(verifications.id, verificationId))
    .for("update", { of: verifications });
  if (!row) return undefined;
  return { ...row, held: parseReservations(row.held) };
}
