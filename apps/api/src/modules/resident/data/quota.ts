import { type Executor, namedStatement, param, queryRows } from "@survey/db";
import { sql } from "drizzle-orm";
import { PgTransaction } from "drizzle-orm/pg-core";
import { withTransactionRetry } from "../../../platform/transaction-retry";

/**
 * Quota arithmetic lives here and nowhere else. Every change of `completed` / `reserved` is a single
 * conditional UPDATE, so concurrent requests and processes can never overfill a community or a town.
 */

export type ClaimResult = { ok: true } | { ok: false; full: "community" | "town" };

/** A reservation about to hold a slot: what confirm knows of the person and where they live. */
export interface NewReservation {
  waveId: number;
  communityCode: string;
  townCode: string;
  idHash: string;
  phoneHash: string;
  sex?: "male" | "female" | null;
  birthYear?: number | null;
  ageGroup?: string | null;
  registered?: boolean | null;
  draft?: Record<string, unknown>;
  createdAt: Date;
  expiresAt: Date;
}

export interface HeldReservation {
  id: string;
  expiresAt: Date;
  draft: Record<string, unknown>;
}

export type ReservationClaim = { ok: true; reservation: HeldReservation } | { ok: false; full: "community" | "town" };

/** Takes the slot: community row first (the fixed order everywhere that avoids deadlocks), then town, then the reservation. */
const claimCtes = sql`
  with community as (
    update wave_communities set reserved = reserved + 1
    where wave_id = ${param("waveId")}::int and community_code = ${param("communityCode")}::text
      and completed + reserved < cap
    returning 1
  ), town as (
    update wave_towns set reserved = reserved + 1
    where wave_id = ${param("waveId")}::int and town_code = ${param("townCode")}::text
      and completed + reserved < target and exists (select from community)
    returning 1
  ), reservation as (
    insert into reservations (wave_id, community_code, town_code, id_hash, phone_hash, sex, birth_year, age_group,
      registered, draft, created_at, expires_at)
    select ${param("waveId")}::int, ${param("communityCode")}::text, ${param("townCode")}::text,
      ${param("idHash")}::text, ${param("phoneHash")}::text, ${param("sex")}::text, ${param("birthYear")}::int,
      ${param("ageGroup")}::text, ${param("registered")}::boolean, ${param("draft")}::jsonb,
      ${param("createdAt")}::timestamptz, ${param("expiresAt")}::timestamptz
    where exists (select from town)
    returning id, expires_at
  )`;

const claimOutcome = sql`
  select (select count(*) from community)::int as community, (select count(*) from town)::int as town,
    (select id from reservation) as id, (select expires_at from reservation) as "expiresAt"`;

type ClaimRow = { community: number; town: number; id: string | null; expiresAt: Date | string | null };

const claimStatement = namedStatement<ClaimRow, Record<string, unknown>>(
  "claim_slot",
  sql`${claimCtes} ${claimOutcome}`,
);

/** The same claim, and — only if it took the slot — the resident's token and the verification marked confirmed. */
const claimAndIssueTokenStatement = namedStatement<ClaimRow, Record<string, unknown>>(
  "claim_slot_issue_token",
  sql`${claimCtes}, token as (
    insert into reservation_tokens (token_hash, reservation_id, created_at)
    select ${param("tokenHash")}::text, id, ${param("createdAt")}::timestamptz from reservation
  ), confirmed as (
    update verifications set confirmed_at = ${param("createdAt")}::timestamptz,
      reservation_id = (select id from reservation)
    where id = ${param("verificationId")}::uuid and exists (select from reservation)
  ) ${claimOutcome}`,
);

/** The resident's bearer token (by its hash) and the verification whose code opened the reservation. */
export interface TokenToIssue {
  tokenHash: string;
  verificationId: string;
}

/**
 * Takes one reserved slot in a community and its town and inserts the reservation that holds it, in one
 * statement: each conditional UPDATE runs only if the one before it took its slot, and the reservation is
 * inserted only if both did; with `token`, the same statement also issues the resident's token. Must run
 * inside the caller's transaction: on a full town the caller rolls back, which also undoes the community
 * increment. The partial unique indexes on active reservations refuse a second one per person.
 */
export async function claimSlot(
  tx: Executor,
  reservation: NewReservation,
  token?: TokenToIssue,
): Promise<ReservationClaim> {
  const values = {
    waveId: reservation.waveId,
    communityCode: reservation.communityCode,
    townCode: reservation.townCode,
    idHash: reservation.idHash,
    phoneHash: reservation.phoneHash,
    sex: reservation.sex ?? null,
    birthYear: reservation.birthYear ?? null,
    ageGroup: reservation.ageGroup ?? null,
    registered: reservation.registered ?? null,
    draft: JSON.stringify(reservation.draft ?? {}),
    createdAt: reservation.createdAt.toISOString(),
    expiresAt: reservation.expiresAt.toISOString(),
  };
  const [row] = token
    ? await claimAndIssueTokenStatement(tx, { ...values, ...token })
    : await claimStatement(tx, values);
  if (!row?.community) return { ok: false, full: "community" };
  if (!row.town || !row.id || !row.expiresAt) return { ok: false, full: "town" };
  return {
    ok: true,
    reservation: { id: row.id, expiresAt: new Date(row.expiresAt), draft: reservation.draft ?? {} },
  };
}

/**
 * Marks a reservation that still holds its slot submitted and turns the slot into a completion, in one
 * statement. The caller holds the reservation's row lock; the town update reads the community update's
 * result, so the community row is locked first, as everywhere else.
 */
export async function completeHeldSlot(
  tx: Executor,
  reservation: { id: string; waveId: number; communityCode: string; townCode: string },
  at: Date,
): Promise<void> {
  await completeHeldSlotStatement(tx, {
    reservationId: reservation.id,
    waveId: reservation.waveId,
    communityCode: reservation.communityCode,
    townCode: reservation.townCode,
    at: at.toISOString(),
  });
}

const completeHeldSlotStatement = namedStatement<never, Record<string, unknown>>(
  "complete_held_slot",
  sql`
  with submitted as (
    update reservations set status = 'submitted', released_at = coalesce(released_at, ${param("at")}::timestamptz)
    where id = ${param("reservationId")}::uuid
  ), community as (
    update wave_communities set reserved = reserved - 1, completed = completed + 1
    where wave_id = ${param("waveId")}::int and community_code = ${param("communityCode")}::text
    returning 1
  )
  update wave_towns set reserved = reserved - 1, completed = completed + 1
  where wave_id = ${param("waveId")}::int and town_code = ${param("townCode")}::text and exists (select from community)`,
);

/**
 * Counts a completion that holds no reservation (late submission, paper questionnaire) if both the
 * community and the town still have room. Locks both rows, community first, and checks under the lock.
 */
export async function completeWithoutReservation(
  tx: Executor,
  target: { waveId: number; communityCode: string; townCode: string },
): Promise<ClaimResult> {
  const community = await queryRows<{ room: boolean }>(
    tx,
    sql`
    select completed + reserved < cap as room from wave_communities
    where wave_id = ${target.waveId} and community_code = ${target.communityCode} for update`,
  );
  const town = await queryRows<{ room: boolean }>(
    tx,
    sql`
    select completed + reserved < target as room from wave_towns
    where wave_id = ${target.waveId} and town_code = ${target.townCode} for update`,
  );
  if (!community[0]?.room) return { ok: false, full: "community" };
  if (!town[0]?.room) return { ok: false, full: "town" };
  await tx.execute(sql`
    update wave_communities set completed = completed + 1
    where wave_id = ${target.waveId} and community_code = ${target.communityCode}`);
  await tx.execute(sql`
    update wave_towns set completed = completed + 1
    where wave_id = ${target.waveId} and town_code = ${target.townCode}`);
  return { ok: true };
}

/**
 * Gives back the slots of expired reservations, exactly once each: the status flip and the counter
 * decrements are one statement, and rows another transaction holds (a submission, a racing sweep)
 * are skipped rather than waited for.
 */
export async function releaseExpiredReservations(
  db: Executor,
  options: { now: Date; waveId?: number; townCode?: string; person?: { idHash: string; phoneHash: string } },
): Promise<number> {
  const waveFilter = options.waveId === undefined ? sql`` : sql` and wave_id = ${options.waveId}`;
  const townFilter = options.townCode === undefined ? sql`` : sql` and town_code = ${options.townCode}`;
  const { person } = options;
  const personFilter =
    person === undefined ? sql`` : sql` and (id_hash = ${person.idHash} or phone_hash = ${person.phoneHash})`;
  const now = options.now.toISOString();
  const release = () =>
    queryRows<{ released: number }>(
      db,
      sql`
    with candidates as (
      select id from reservations
      where status = 'active' and expires_at <= ${now}${waveFilter}${townFilter}${personFilter}
      order by id
      for update skip locked
    ), expired as (
      update reservations r set status = 'expired', released_at = ${now}
      from candidates c where r.id = c.id
      returning r.wave_id, r.community_code, r.town_code
    ), per_community as (
      select wave_id, community_code, count(*)::int as n from expired group by 1, 2
    ), per_town as (
      select wave_id, town_code, count(*)::int as n from expired group by 1, 2
    ), communities_updated as (
      update wave_communities wc set reserved = wc.reserved - p.n
      from per_community p where wc.wave_id = p.wave_id and wc.community_code = p.community_code
      returning 1
    ), towns_updated as (
      update wave_towns wt set reserved = wt.reserved - p.n
      from per_town p where wt.wave_id = p.wave_id and wt.town_code = p.town_code
      returning 1
    )
    select (select count(*)::int from expired) as released,
           (select count(*) from communities_updated) + (select count(*) from towns_updated) as touched`,
    );
  // Two sweeps over the same towns may lock counter rows in opposite orders and deadlock; a sweep on its own is
  // one statement, so it simply runs again. Inside a transaction the caller's retry runs the whole transaction.
  const result = db instanceof PgTransaction ? await release() : await withTransactionRetry(release);
  return Number(result[0]?.released ?? 0);
}

export interface InvariantViolation {
  level: "community" | "town";
  code: string;
  problem: string;
}

interface QuotaCount {
  code: string;
  limit: number;
  completed: number;
  reserved: number;
  responses: number;
  active: number;
}

/** Both quota levels have the same shape: a row per code with its limit, counters and what backs them. */
const LEVELS = {
  community: { table: "wave_communities", code: "community_code", limit: "cap" },
  town: { table: "wave_towns", code: "town_code", limit: "target" },
} as const;

function quotaCounts(db: Executor, waveId: number, level: keyof typeof LEVELS): Promise<QuotaCount[]> {
  const { table, code, limit } = LEVELS[level];
  return queryRows<QuotaCount>(
    db,
    sql`
    select q.${sql.raw(code)} as code, q.${sql.raw(limit)} as limit, q.completed, q.reserved,
      (select count(*)::int from responses r
        where r.wave_id = q.wave_id and r.${sql.raw(code)} = q.${sql.raw(code)} and r.counted) as responses,
      (select count(*)::int from reservations v
        where v.wave_id = q.wave_id and v.${sql.raw(code)} = q.${sql.raw(code)} and v.status = 'active') as active
    from ${sql.raw(table)} q where q.wave_id = ${waveId}`,
  );
}

/**
 * The quota invariant: completed = counted responses, reserved = active reservations (callers sweep
 * expired ones first), completed + reserved ≤ cap / target. Returns every violation found.
 */
export async function findQuotaInvariantViolations(db: Executor, waveId: number): Promise<InvariantViolation[]> {
  const violations: InvariantViolation[] = [];
  for (const level of ["community", "town"] as const) {
    for (const row of await quotaCounts(db, waveId, level)) {
      const fail = (problem: string) => violations.push({ level, code: row.code, problem });
      if (row.completed !== row.responses) fail(`completed ${row.completed} ≠ counted responses ${row.responses}`);
      if (row.reserved !== row.active) fail(`reserved ${row.reserved} ≠ active reservations ${row.active}`);
      if (row.completed + row.reserved > row.limit)
        fail(`completed + reserved ${row.completed + row.reserved} > ${row.limit}`);
    }
  }
  return violations;
}
