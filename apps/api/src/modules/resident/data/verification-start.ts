import { type Executor, namedStatement, param, queryRows } from "@survey/db";
import { sql } from "drizzle-orm";
import { type StartContextRow, startContextOf, startContextSelect } from "./verification-context";

/** A verification about to be stored, with the code's hash; its town comes from the wave's community. */
export interface NewVerification {
  id: string;
  waveId: number;
  communityCode: string;
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
  /** Codes the whole service may send per minute (SMS_BUDGET_PER_MINUTE). */
  servicePerMinute: number;
}

/**
 * Start in one statement: the checks' facts (`context`, as startContextSelect reads them — the wave and the
 * community, nothing of whether this person took part), whether they all pass (`allowed`, the same rules as
 * the service checks in SPEC order), and only then the phone's send limits and the verification. The limits are one conditional upsert of the phone's row of recent sends, whose row
 * lock makes two requests for one phone take turns — the second one then sees the first one's send. The
 * verification row is inserted only when the send was allowed.
 */
const startStatement = namedStatement<
  StartContextRow & { allowed: boolean; budget_ok: boolean; sent: boolean },
  Record<string, unknown>
>(
  "verification_start",
  sql`
  with context as (${startContextSelect}
  ), allowed as (
    select community_town from context
    where wave_status = 'open'
      and (wave_opens_at is null or wave_opens_at <= ${param("now")}::timestamptz)
      and (wave_closes_at is null or wave_closes_at > ${param("now")}::timestamptz)
      and community_town is not null and ${param("age")}::int >= wave_min_age
      and community_room and town_room
  ), budget as (
    -- The service's codes of the last minute: concurrent starts may each see the last free one, so the
    -- budget can be passed by as many as run at that instant.
    select count(*) < ${param("servicePerMinute")}::int as ok from verifications
    where created_at > ${param("now")}::timestamptz - interval '1 minute'
  ), sent as (
    insert into phone_sms_windows as w (phone_hash, sent_at)
    select ${param("phoneHash")}::text, array[${param("now")}::timestamptz] from allowed, budget where budget.ok
    on conflict (phone_hash) do update
      set sent_at = array(select t from unnest(w.sent_at) t where t > ${param("daySince")}::timestamptz order by t)
        || ${param("now")}::timestamptz
    where not exists (select from unnest(w.sent_at) t where t > ${param("resendBlockedAfter")}::timestamptz)
      and (select count(*) from unnest(w.sent_at) t where t > ${param("daySince")}::timestamptz)
        < ${param("maxPerDay")}::int
    returning 1
  ), verification as (
    insert into verifications (id, wave_id, community_code, town_code, id_hash, phone_hash, phone_last4, sex,
      birth_year, age_group, registered, code_hash, created_at, expires_at)
    select ${param("id")}::uuid, ${param("waveId")}::int, ${param("communityCode")}::text, allowed.community_town,
      ${param("idHash")}::text, ${param("phoneHash")}::text, ${param("phoneLast4")}::text, ${param("sex")}::text,
      ${param("birthYear")}::int, ${param("ageGroup")}::text, ${param("registered")}::boolean,
      ${param("codeHash")}::text, ${param("now")}::timestamptz, ${param("expiresAt")}::timestamptz
    from sent, allowed
  )
  select context.*, exists (select from allowed) as allowed, (select ok from budget) as budget_ok,
    exists (select from sent) as sent
  from context`,
);

/**
 * Reads start's context for an identified person and, if every check passes and the phone may receive
 * another code, stores the verification. Undefined when the wave does not exist.
 */
export async function startVerificationIfAllowed(
  db: Executor,
  verification: NewVerification,
  person: { age: number },
  limits: SendLimits,
) {
  const { createdAt, expiresAt, ...columns } = verification;
  const [row] = await startStatement(db, {
    ...columns,
    now: createdAt.toISOString(),
    expiresAt: expiresAt.toISOString(),
    age: person.age,
    resendBlockedAfter: limits.resendBlockedAfter.toISOString(),
    daySince: limits.daySince.toISOString(),
    maxPerDay: limits.maxPerDay,
    servicePerMinute: limits.servicePerMinute,
  });
  const context = startContextOf(row, verification.communityCode);
  if (!row || !context) return undefined;
  return { ...context, allowed: row.allowed, budgetOk: row.budget_ok, sent: row.sent };
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
