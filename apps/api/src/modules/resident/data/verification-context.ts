import { type Executor, namedStatement, param } from "@survey/db";
import { type SQL, sql } from "drizzle-orm";
import type { WaveRow } from "../../waves";
import { type PlacedPerson, type PlacedPersonColumns, placedPersonOf, placedPersonSelect } from "./placed-person";
import { respondentKeyKnownSql } from "./respondent-keys";

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

/**
 * A person is their ID number or their phone. Each is looked up alone, through the one index that leads with
 * it, and the wave and status are tested after: `offset 0` keeps those tests out of the index choice. Given
 * them, PostgreSQL may walk an index of the wave or of the status instead — when its statistics cannot tell
 * the indexes apart (a new database, a prepared statement planned on empty tables), or when a partial index of
 * active reservations still holds the entries of submitted ones (until vacuum) — and start and confirm grew
 * slower with every resident of a surge (6.7 ms each after 8,000 residents, against 0.2 ms).
 */
interface PersonKeys {
  waveId: SQL;
  idHash: SQL;
  phoneHash: SQL;
}

type PersonKey = "id_hash" | "phone_hash";

/** Whether the person has a response in the wave (their ID number or phone is among its respondents' keys). */
export function respondedSql({ waveId, idHash, phoneHash }: PersonKeys): SQL {
  return sql`(${respondentKeyKnownSql(waveId, "id", idHash)} or ${respondentKeyKnownSql(waveId, "phone", phoneHash)})`;
}

/** Every reservation of the ID number or phone, in any wave and of any status, as a subquery. */
function reservationsOfKeySql(key: PersonKey, value: SQL): SQL {
  return sql`(select r.id, r.wave_id, r.id_hash, r.phone_hash, r.status, r.created_at, r.expires_at, r.draft
    from reservations r where r.${sql.raw(key)} = ${value} offset 0)`;
}

/** The person's active reservations in the wave (at most one by ID number and one by phone), as a subquery. */
export function personActiveReservationsSql({ waveId, idHash, phoneHash }: PersonKeys): SQL {
  return sql`(select k.* from ${reservationsOfKeySql("id_hash", idHash)} k
      where k.wave_id = ${waveId} and k.status = 'active'
    union all
    select k.* from ${reservationsOfKeySql("phone_hash", phoneHash)} k
      where k.wave_id = ${waveId} and k.status = 'active' and k.id_hash is distinct from ${idHash})`;
}

const heldJson = sql`coalesce(json_agg(json_build_object('id', p.id, 'idHash', p.id_hash, 'phoneHash', p.phone_hash,
  'expiresAt', p.expires_at, 'draft', p.draft)), '[]')`;

/** json_agg comes back parsed from pg and PGlite alike, but its timestamps stay strings. */
function parseReservations(held: PersonReservation[] | string): PersonReservation[] {
  const list = (typeof held === "string" ? JSON.parse(held) : held) as PersonReservation[];
  return list.map((reservation) => ({ ...reservation, expiresAt: toDate(reservation.expiresAt) }));
}

/**
 * What start checks, as the columns of one row: the wave, the community (with its town) in the wave and
 * whether each still has room. Nothing of the person: start answers the same whether this ID number or phone
 * has taken part or holds a reservation (SPEC §6) — confirm decides that, after the right code.
 */
export const startContextSelect = sql`
  select ${waveColumns}, wc.town_code as community_town,
    wc.completed + wc.reserved < wc.cap as community_room,
    wt.completed + wt.reserved < wt.target as town_room
  from waves w
  left join wave_communities wc on wc.wave_id = w.id and wc.community_code = ${param("communityCode")}::text
  left join wave_towns wt on wt.wave_id = w.id and wt.town_code = wc.town_code
  where w.id = ${param("waveId")}::int`;

export type StartContextRow = WaveColumns & {
  community_town: string | null;
  community_room: boolean | null;
  town_room: boolean | null;
};

export interface StartContextValues extends Record<string, unknown> {
  waveId: number;
  communityCode: string;
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
  };
}

/**
 * Start's checks for a person whose ID number or phone could not be hashed: only the wave and community count,
 * and nothing is stored (`allowed` and `sent` are false).
 */
export async function findStartContext(db: Executor, input: { waveId: number; communityCode: string }) {
  const [row] = await readStartContext(db, { waveId: input.waveId, communityCode: input.communityCode });
  const context = startContextOf(row, input.communityCode);
  return context && { ...context, allowed: false, budgetOk: true, sent: false };
}

/** The verification as confirm decides on it. */
export interface PendingVerification extends PlacedPerson {
  id: string;
  codeHash: string;
  attempts: number;
  expiresAt: Date;
  /** A verification confirms once: a second confirm of the same code is refused. */
  confirmed: boolean;
}

const confirmPerson: PersonKeys = { waveId: sql`v.wave_id`, idHash: sql`v.id_hash`, phoneHash: sql`v.phone_hash` };

/** What confirm reads of a verification (`verificationId`), locking it. */
export const confirmContextSelect = sql`
  select v.id, ${placedPersonSelect("v")}, v.code_hash, v.attempts, v.expires_at, v.confirmed_at, ${waveColumns},
    ${respondedSql(confirmPerson)} as responded,
    (select ${heldJson} from ${personActiveReservationsSql(confirmPerson)} p) as held,
    (select k.draft from ${reservationsOfKeySql("id_hash", sql`v.id_hash`)} k
      where k.wave_id = v.wave_id and k.status = 'expired' order by k.created_at desc limit 1) as expired_draft
  from verifications v
  left join waves w on w.id = v.wave_id
  where v.id = ${param("verificationId")}::uuid
  for update of v`;

const readConfirmContext = namedStatement<
  WaveColumns &
    PlacedPersonColumns & {
      id: string;
      code_hash: string;
      attempts: number;
      expires_at: Date | string;
      confirmed_at: Date | string | null;
      responded: boolean;
      held: PersonReservation[] | string;
      expired_draft: Record<string, unknown> | null;
    },
  { verificationId: string }
>("verification_confirm_context", confirmContextSelect);

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
    confirmed: row.confirmed_at !== null,
  };
  return {
    verification,
    wave: waveOf(row),
    responded: row.responded,
    held: parseReservations(row.held),
    expiredDraft: row.expired_draft,
  };
}
