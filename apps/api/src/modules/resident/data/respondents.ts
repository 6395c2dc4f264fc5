import {
  communities,
  type Executor,
  namedStatement,
  param,
  queryRows,
  reservations,
  reservationTokens,
  responses,
  towns,
  verifications,
} from "@survey/db";
import { maskAnswers } from "@survey/identity";
import { eq, sql } from "drizzle-orm";
import { type PlacedPerson, type PlacedPersonColumns, placedPersonOf, placedPersonSelect } from "./placed-person";
import { personActiveReservationsSql, respondedSql } from "./verification-context";

export type ReservationRow = typeof reservations.$inferSelect;
export type ResponseRow = typeof responses.$inferSelect;

/** Whether this person (by ID hash or phone hash) has a response, and whether they hold a slot, in the wave. */
export async function findPersonStanding(
  db: Executor,
  waveId: number,
  idHash: string,
  phoneHash: string,
): Promise<{ responded: boolean; holding: boolean }> {
  const person = { waveId: sql`${waveId}::int`, idHash: sql`${idHash}::text`, phoneHash: sql`${phoneHash}::text` };
  const [row] = await queryRows<{ responded: boolean; holding: boolean }>(
    db,
    sql`select ${respondedSql(person)} as responded,
      exists (select from ${personActiveReservationsSql(person)} p) as holding`,
  );
  if (!row) throw new Error("the person's standing query returned no row");
  return row;
}

export async function countWrongAttempt(db: Executor, id: string): Promise<number> {
  const [row] = await db
    .update(verifications)
    .set({ attempts: sql`${verifications.attempts} + 1` })
    .where(eq(verifications.id, id))
    .returning({ attempts: verifications.attempts });
  return row?.attempts ?? 0;
}

/** Gives the resident a bearer token for the reservation and records which reservation the code opened. */
export async function issueReservationToken(
  tx: Executor,
  input: { tokenHash: string; reservationId: string; verificationId: string; at: Date },
): Promise<void> {
  const at = input.at.toISOString();
  await tx.execute(sql`
    with token as (
      insert into reservation_tokens (token_hash, reservation_id, created_at)
      values (${input.tokenHash}, ${input.reservationId}, ${at})
    )
    update verifications set confirmed_at = ${at}, reservation_id = ${input.reservationId}
    where id = ${input.verificationId}`);
}

export async function findReservationByTokenHash(
  db: Executor,
  tokenHash: string,
  options: { forUpdate?: boolean } = {},
): Promise<ReservationRow | undefined> {
  const query = db
    .select({ reservation: reservations })
    .from(reservationTokens)
    .innerJoin(reservations, eq(reservations.id, reservationTokens.reservationId))
    .where(eq(reservationTokens.tokenHash, tokenHash));
  const rows = options.forUpdate ? await query.for("update", { of: reservations }) : await query;
  return rows[0]?.reservation;
}

/**
 * Stores the draft and, while the slot is still held, extends the hold to `extendTo` (never past
 * `holdLimit`): answering is activity. One conditional statement, so a sweep that already released the slot
 * is never undone. Returns the reservation's expiry after the save.
 */
export async function saveDraft(
  db: Executor,
  reservationId: string,
  draft: Record<string, unknown>,
  hold: { at: Date; extendTo: Date; holdLimit: Date },
): Promise<Date | undefined> {
  const at = hold.at.toISOString();
  const extendTo = new Date(Math.min(hold.extendTo.getTime(), hold.holdLimit.getTime())).toISOString();
  const [row] = await db
    .update(reservations)
    .set({
      // Drafts are stored masked like the answers: a phone typed into a comment is not kept even for a while.
      draft: maskAnswers(draft),
      draftUpdatedAt: hold.at,
      expiresAt: sql`case when ${reservations.status} = 'active' and ${reservations.expiresAt} > ${at}::timestamptz
        then greatest(${reservations.expiresAt}, ${extendTo}::timestamptz) else ${reservations.expiresAt} end`,
    })
    .where(eq(reservations.id, reservationId))
    .returning({ expiresAt: reservations.expiresAt });
  return row?.expiresAt;
}

export async function findResponseOfReservation(db: Executor, reservationId: string): Promise<ResponseRow | undefined> {
  const [row] = await db.select().from(responses).where(eq(responses.reservationId, reservationId));
  return row;
}

/** The reservation as a submission needs it. */
export interface SubmittingReservation extends PlacedPerson {
  id: string;
  status: "active" | "submitted" | "expired";
  createdAt: Date;
}

const lockSubmission = namedStatement<
  PlacedPersonColumns & {
    id: string;
    status: SubmittingReservation["status"];
    created_at: Date | string;
    questionnaire_id: number | null;
    response_id: string | null;
    receipt_code: string | null;
    counted: boolean | null;
  },
  { tokenHash: string }
>(
  "lock_submission_of_token",
  sql`
  select r.id, ${placedPersonSelect("r")}, r.status, r.created_at, w.questionnaire_id,
    s.id as response_id, s.receipt_code, s.counted
  from reservation_tokens t
  join reservations r on r.id = t.reservation_id
  join waves w on w.id = r.wave_id
  left join responses s on s.reservation_id = r.id
  where t.token_hash = ${param("tokenHash")}::text
  for update of r`,
);

/**
 * What a submission decides on, read with the reservation's row lock (inside the caller's transaction): the
 * reservation, its wave's questionnaire and the response already stored for it, if any. Concurrent submits
 * with one token take turns here; the later ones find the first one's response.
 */
export async function lockSubmissionOfToken(tx: Executor, tokenHash: string) {
  const [row] = await lockSubmission(tx, { tokenHash });
  if (!row) return undefined;
  const reservation: SubmittingReservation = {
    id: row.id,
    ...placedPersonOf(row),
    status: row.status,
    createdAt: new Date(row.created_at),
  };
  const response =
    row.response_id === null
      ? undefined
      : { id: row.response_id, receiptCode: row.receipt_code ?? "", counted: row.counted === true };
  return { reservation, questionnaireId: row.questionnaire_id, response };
}

/** Marks a reservation that no longer holds a slot (expired and swept) submitted. */
export async function markReservationSubmitted(db: Executor, reservationId: string, at: Date): Promise<void> {
  await db
    .update(reservations)
    .set({ status: "submitted", releasedAt: sql`coalesce(${reservations.releasedAt}, ${at.toISOString()})` })
    .where(eq(reservations.id, reservationId));
}

/** A community with its town, as the resident app names the place a reservation is for. */
export async function findPlace(db: Executor, communityCode: string) {
  const [place] = await db
    .select({ code: communities.code, name: communities.name, townCode: towns.code, townName: towns.name })
    .from(communities)
    .innerJoin(towns, eq(towns.code, communities.townCode))
    .where(eq(communities.code, communityCode));
  return place;
}
