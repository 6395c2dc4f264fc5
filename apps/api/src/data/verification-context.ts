import { type Executor, namedStatement, param } from "@survey/db";
import { type SQL, sql } from "drizzle-orm";
import { type PlacedPersonColumns, placedPersonOf, placedPersonSelect } from "./placed-person";
import type { WaveRow } from "./waves";

/**
 * The reads that decide the two verification steps, one prepared statement each: a resident's start and
 * confirm are the hottest requests of a survey announcement, and every round trip costs both processes CPU.
 */

/** A person's active reservation as the verification steps need it (possibly past its time, not yet swept). */
export interface PersonReservation {
  id: string;
  idHash: string;
  phoneHash: string;
  expiresAt: Date;
  draft: Record<string, unknown>;
}

/** What the verification steps need of the wave. */
export type WaveTerms = Pick<
  WaveRow,
  "id" | "status" | "opensAt" | "closesAt" | "minAge" | "reservationMinutes" | "questionnaireId"
>;

const waveColumns = sql`w.id as wave_row_id, w.status as wave_status, w.opens_at as wave_opens_at,
  w.closes_at as wave_closes_at, w.min_age as wave_min_age, w.reservation_minutes as wave_reservation_minutes,
  w.questionnaire_id as wave_questionnaire_id`;

interface WaveColumns {
  wave_row_id: number | null;
  wave_status: WaveRow["status"];
  wave_opens_at: Date | string | null;
  wave_closes_at: Date | string | null;
  wave_min_age: number;
  wave_reservation_minutes: number;
  wave_questionnaire_id: number | null;
}

/** Raw rows carry timestamps as strings (node-postgres) or dates (PGlite). */
const toDate = (value: Date | string) => new Date(value);
const toDateOrNull = (value: Date | string | null) => (value === null ? null : new Date(value));

function waveOf(row: WaveColumns): WaveTerms | undefined {
  if (row.wave_row_id === null) return undefined;
  return {
    id: row.wave_row_id,
    status: row.wave_status,
    opensAt: toDateOrNull(row.wave_opens_at),
    closesAt: toDateOrNull(row.wave_closes_at),
    minAge: row.wave_min_age,
    reservationMinutes: row.wave_reservation_minutes,
    questionnaireId: row.wave_questionnaire_id,
  };
}

/** Rows of `reservations r` / `responses r` belonging to this person (by ID number or phone) in the wave. */
function personFilter(waveId: SQL, idHash: SQL, phoneHash: SQL): SQL {
  return sql`r.wave_id = ${waveId} and (r.id_hash = ${idHash} or r.phone_hash = ${phoneHash})`;
}

function respondedSql(person: SQL) {
  return sql`exists (select 1 from responses r where ${person})`;
}

function activeReservationsSql(person: SQL) {
  return sql`(select coalesce(json_agg(json_build_object('id', r.id, 'idHash', r.id_hash,
    'phoneHash', r.phone_hash, 'expiresAt', r.expires_at, 'draft', r.draft)), '[]')
    from reservations r where r.status = 'active' and ${person})`;
}

/** json_agg comes back parsed from pg and PGlite alike, but its timestamps stay strings. */
function parseReservations(held: PersonReservation[] | string): PersonReservation[] {
  const list = (typeof held === "string" ? JSON.parse(held) : held) as PersonReservation[];
  return list.map((reservation) => ({ ...reservation, expiresAt: toDate(reservation.expiresAt) }));
}

const startPerson = personFilter(sql`w.id`, sql`${param("idHash")}::text`, sql`${param("phoneHash")}::text`);

/** Active reservations of the person that still run at `now` (an expired one is given back at confirm). */
function runningReservationsSql(extra: SQL) {
  return sql`(select count(*)::int from reservations r
    where r.status = 'active' and r.expires_at > ${param("now")}::timestamptz and ${startPerson} ${extra})`;
}

/**
 * What start checks, as the columns of one row: the wave, the community (with its town) in the wave, whether
 * each still has room, and — for the person hashed into `idHash` / `phoneHash` (null when the ID number or
 * phone is not valid) — whether they have responded and what reservations they hold.
 */
export const startContextSelect = sql`
  select ${waveColumns}, wc.town_code as community_town,
    wc.completed + wc.reserved < wc.cap as community_room,
    wt.completed + wt.reserved < wt.target as town_room,
    ${respondedSql(startPerson)} as responded, ${activeReservationsSql(startPerson)} as held,
    ${runningReservationsSql(sql``)} as running,
    ${runningReservationsSql(sql`and r.id_hash = ${param("idHash")}::text and r.phone_hash = ${param("phoneHash")}::text`)}
      as running_own
  from waves w
  left join wave_communities wc on wc.wave_id = w.id and wc.community_code = ${param("communityCode")}::text
  left join wave_towns wt on wt.wave_id = w.id and wt.town_code = wc.town_code
  where w.id = ${param("waveId")}::int`;

export type StartContextRow = WaveColumns & {
  community_town: string | null;
  community_room: boolean | null;
  town_room: boolean | null;
  responded: boolean;
  held: PersonReservation[] | string;
  running: number;
  running_own: number;
};

export interface StartContextValues extends Record<string, unknown> {
  waveId: number;
  communityCode: string;
  idHash: string | null;
  phoneHash: string | null;
  now: string;
}

const readStartContext = namedStatement<StartContextRow, StartContextValues>(
  "verification_start_context",
  startContextSelect,
);

/** The start context of one row (undefined when the wave does not exist). */
export function startContextOf(row: StartContextRow | undefined, communityCode: string) {
  const wave = row && waveOf(row);
  if (!row || !wave) return undefined;
  const community = row.community_town === null ? undefined : { code: communityCode, townCode: row.community_town };
  return {
    wave,
    community,
    communityRoom: row.community_room === true,
    townRoom: row.town_room === true,
    responded: row.responded,
    held: parseReservations(row.held),
  };
}

/**
 * Start's checks for a person whose ID number or phone could not be hashed: only the wave and community count,
 * and nothing is stored (`allowed` and `sent` are false).
 */
export async function findStartContext(db: Executor, input: { waveId: number; communityCode: string; now: Date }) {
  const [row] = await readStartContext(db, {
    waveId: input.waveId,
    communityCode: input.communityCode,
    idHash: null,
    phoneHash: null,
    now: input.now.toISOString(),
  });
  const context = startContextOf(row, input.communityCode);
  return context && { ...context, allowed: false, sent: false };
}

/** The verification as confirm decides on it. */
export interface PendingVerification {
  id: string;
  waveId: number;
  communityCode: string;
  townCode: string;
  idHash: string;
  phoneHash: string;
  sex: "male" | "female" | null;
  birthYear: number | null;
  ageGroup: string | null;
  registered: boolean | null;
  codeHash: string;
  attempts: number;
  expiresAt: Date;
}

const confirmPerson = personFilter(sql`v.wave_id`, sql`v.id_hash`, sql`v.phone_hash`);

const readConfirmContext = namedStatement<
  WaveColumns &
    PlacedPersonColumns & {
      id: string;
      code_hash: string;
      attempts: number;
      expires_at: Date | string;
      responded: boolean;
      held: PersonReservation[] | string;
      expired_draft: Record<string, unknown> | null;
    },
  { verificationId: string }
>(
  "verification_confirm_context",
  sql`
  select v.id, ${placedPersonSelect("v")}, v.code_hash, v.attempts, v.expires_at, ${waveColumns},
    ${respondedSql(confirmPerson)} as responded, ${activeReservationsSql(confirmPerson)} as held,
    (select r.draft from reservations r
      where r.wave_id = v.wave_id and r.id_hash = v.id_hash and r.status = 'expired'
      order by r.created_at desc limit 1) as expired_draft
  from verifications v
  left join waves w on w.id = v.wave_id
  where v.id = ${param("verificationId")}::uuid
  for update of v`,
);

/**
 * What confirm decides on: the verification (locked, so two confirms of one code take turns), its wave,
 * whether the person has responded, the active reservations of their ID number or phone, and the draft of
 * their latest expired reservation. The unique indexes stay the real guard against a second slot: what
 * this read misses of a concurrent confirm, the insert runs into.
 */
export async function findConfirmContext(tx: Executor, verificationId: string) {
  const [row] = await readConfirmContext(tx, { verificationId });
  if (!row) return undefined;
  const verification: PendingVerification = {
    id: row.id,
    ...placedPersonOf(row),
    codeHash: row.code_hash,
    attempts: row.attempts,
    expiresAt: toDate(row.expires_at),
  };
  return {
    verification,
    wave: waveOf(row),
    responded: row.responded,
    held: parseReservations(row.held),
    expiredDraft: row.expired_draft,
  };
}
