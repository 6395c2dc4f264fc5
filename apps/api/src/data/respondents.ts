import { type Executor, reservations, reservationTokens, responses, verifications, waves } from "@survey/db";
import { and, eq, or, sql } from "drizzle-orm";

export type ReservationRow = typeof reservations.$inferSelect;
export type ResponseRow = typeof responses.$inferSelect;

/** Whether this person (by ID hash or phone hash) already has a response in the wave. */
export async function hasResponded(db: Executor, waveId: number, idHash: string, phoneHash: string): Promise<boolean> {
  const rows = await db
    .select({ id: responses.id })
    .from(responses)
    .where(and(eq(responses.waveId, waveId), or(eq(responses.idHash, idHash), eq(responses.phoneHash, phoneHash))))
    .limit(1);
  return rows.length > 0;
}

/** Active reservations held by this ID number or this phone in the wave (at most one each). */
export async function findActiveReservationsOfPerson(
  db: Executor,
  waveId: number,
  idHash: string,
  phoneHash: string,
): Promise<ReservationRow[]> {
  return db
    .select()
    .from(reservations)
    .where(
      and(
        eq(reservations.waveId, waveId),
        eq(reservations.status, "active"),
        or(eq(reservations.idHash, idHash), eq(reservations.phoneHash, phoneHash)),
      ),
    );
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

export async function saveDraft(db: Executor, reservationId: string, draft: Record<string, unknown>, at: Date) {
  await db.update(reservations).set({ draft, draftUpdatedAt: at }).where(eq(reservations.id, reservationId));
}

export async function findResponseOfReservation(db: Executor, reservationId: string): Promise<ResponseRow | undefined> {
  const [row] = await db.select().from(responses).where(eq(responses.reservationId, reservationId));
  return row;
}

/** What a submission needs before its transaction: the reservation, its wave's questionnaire, its response. */
export async function findSubmissionOfToken(db: Executor, tokenHash: string) {
  const [row] = await db
    .select({
      reservation: reservations,
      questionnaireId: waves.questionnaireId,
      response: { id: responses.id, receiptCode: responses.receiptCode, counted: responses.counted },
    })
    .from(reservationTokens)
    .innerJoin(reservations, eq(reservations.id, reservationTokens.reservationId))
    .innerJoin(waves, eq(waves.id, reservations.waveId))
    .leftJoin(responses, eq(responses.reservationId, reservations.id))
    .where(eq(reservationTokens.tokenHash, tokenHash));
  return row;
}

/** Marks a reservation that no longer holds a slot (expired and swept) submitted. */
export async function markReservationSubmitted(db: Executor, reservationId: string, at: Date): Promise<void> {
  await db
    .update(reservations)
    .set({ status: "submitted", releasedAt: sql`coalesce(${reservations.releasedAt}, ${at.toISOString()})` })
    .where(eq(reservations.id, reservationId));
}
