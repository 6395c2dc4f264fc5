import { type Executor, namedStatement, param, queryRows } from "@survey/db";
import { sql } from "drizzle-orm";

/**
 * A new verification and the SMS it sends, counted against the phone's limits (resend interval, daily cap)
 * in one statement, outside any transaction: the upsert of the phone's row of recent sends is the only
 * thing that decides, and its row lock makes two requests for one phone take turns — the second one then
 * sees the first one's send. The verification row is inserted only when the send was allowed.
 */
export interface NewVerification {
  id: string;
  waveId: number;
  communityCode: string;
  townCode: string;
  idHash: string;
  phoneHash: string;
  phoneLast4: string;
  sex: "male" | "female" | null;
  birthYear: number | null;
  ageGroup: string | null;
  registered: boolean | null;
  codeHash: string;
  createdAt: Date;
  expiresAt: Date;
}

export interface SendLimits {
  /** A send after this moment blocks a new one (the resend interval). */
  resendBlockedAfter: Date;
  /** Sends after this moment count toward the daily cap. */
  daySince: Date;
  maxPerDay: number;
}

const insertIfAllowed = namedStatement<{ sent: boolean }, Record<string, unknown>>(
  "insert_verification_if_allowed",
  sql`
  with sent as (
    insert into phone_sms_windows as w (phone_hash, sent_at)
    values (${param("phoneHash")}::text, array[${param("createdAt")}::timestamptz])
    on conflict (phone_hash) do update
      set sent_at = array(select t from unnest(w.sent_at) t where t > ${param("daySince")}::timestamptz order by t)
        || ${param("createdAt")}::timestamptz
    where not exists (select from unnest(w.sent_at) t where t > ${param("resendBlockedAfter")}::timestamptz)
      and (select count(*) from unnest(w.sent_at) t where t > ${param("daySince")}::timestamptz)
        < ${param("maxPerDay")}::int
    returning 1
  ), verification as (
    insert into verifications (id, wave_id, community_code, town_code, id_hash, phone_hash, phone_last4, sex,
      birth_year, age_group, registered, code_hash, created_at, expires_at)
    select ${param("id")}::uuid, ${param("waveId")}::int, ${param("communityCode")}::text, ${param("townCode")}::text,
      ${param("idHash")}::text, ${param("phoneHash")}::text, ${param("phoneLast4")}::text, ${param("sex")}::text,
      ${param("birthYear")}::int, ${param("ageGroup")}::text, ${param("registered")}::boolean,
      ${param("codeHash")}::text, ${param("createdAt")}::timestamptz, ${param("expiresAt")}::timestamptz
    from sent
  )
  select exists (select from sent) as sent`,
);

/** Inserts the verification and counts its SMS if the phone's limits allow; false when they do not. */
export async function insertVerificationIfAllowed(
  db: Executor,
  verification: NewVerification,
  limits: SendLimits,
): Promise<boolean> {
  const [row] = await insertIfAllowed(db, {
    ...verification,
    createdAt: verification.createdAt.toISOString(),
    expiresAt: verification.expiresAt.toISOString(),
    resendBlockedAfter: limits.resendBlockedAfter.toISOString(),
    daySince: limits.daySince.toISOString(),
    maxPerDay: limits.maxPerDay,
  });
  return row?.sent === true;
}

/** The phone's sends after `since`, oldest first: which limit refused a send, and until when. */
export async function phoneSendsSince(db: Executor, phoneHash: string, since: Date): Promise<Date[]> {
  const rows = await queryRows<{ sent_at: Date | string }>(
    db,
    sql`select t as sent_at from phone_sms_windows w, unnest(w.sent_at) t
        where w.phone_hash = ${phoneHash} and t > ${since.toISOString()} order by t`,
  );
  return rows.map((row) => new Date(row.sent_at));
}

/**
 * Undoes a verification whose SMS could not be handed over: the row goes and its send no longer counts,
 * so the resident can ask again at once. One statement, so nothing of the attempt is left half undone.
 */
export async function withdrawVerification(
  db: Executor,
  verification: { id: string; phoneHash: string; createdAt: Date },
): Promise<void> {
  await db.execute(sql`
    with removed as (delete from verifications where id = ${verification.id})
    update phone_sms_windows set sent_at = array_remove(sent_at, ${verification.createdAt.toISOString()}::timestamptz)
    where phone_hash = ${verification.phoneHash}`);
}
