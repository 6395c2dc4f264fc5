import {
  type Executor,
  queryRows,
  reservations,
  reservationTokens,
  responses,
  smsSends,
  verifications,
  waves,
} from "@survey/db";
import { and, desc, eq, or, sql } from "drizzle-orm";

export type VerificationRow = typeof verifications.$inferSelect;
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

export async function countSmsSince(
  db: Executor,
  phoneHash: string,
  since: Date,
): Promise<{ count: number; last?: Date }> {
  const rows = await queryRows<{ count: number; last: string | Date | null }>(
    db,
    sql`select count(*)::int as count, max(sent_at) as last from sms_sends
        where phone_hash = ${phoneHash} and sent_at > ${since.toISOString()}`,
  );
  const row = rows[0];
  return { count: row?.count ?? 0, last: row?.last ? new Date(row.last) : undefined };
}

export async function recordSmsSend(db: Executor, phoneHash: string, sentAt: Date): Promise<void> {
  await db.insert(smsSends).values({ phoneHash, sentAt });
}

/** Serialises work on one phone number (resend interval, daily cap) across requests and processes. */
export async function lockPhone(tx: Executor, phoneHash: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${phoneHash}, 0))`);
}

export async function insertVerification(
  db: Executor,
  row: typeof verifications.$inferInsert,
): Promise<VerificationRow> {
  const [inserted] = await db.insert(verifications).values(row).returning();
  if (!inserted) throw new Error("verification insert returned nothing");
  return inserted;
}

export async function findVerificationForUpdate(tx: Executor, id: string): Promise<VerificationRow | undefined> {
  const rows = await tx.select().from(verifications).where(eq(verifications.id, id)).for("update");
  return rows[0];
}

export async function countWrongAttempt(db: Executor, id: string): Promise<number> {
  const [row] = await db
    .update(verifications)
    .set({ attempts: sql`${verifications.attempts} + 1` })
    .where(eq(verifications.id, id))
    .returning({ attempts: verifications.attempts });
  return row?.attempts ?? 0;
}

export async function markVerificationConfirmed(
  db: Executor,
  id: string,
  reservationId: string,
  at: Date,
): Promise<void> {
  await db.update(verifications).set({ confirmedAt: at, reservationId }).where(eq(verifications.id, id));
}

export async function insertReservation(db: Executor, row: typeof reservations.$inferInsert): Promise<ReservationRow> {
  const [inserted] = await db.insert(reservations).values(row).returning();
  if (!inserted) throw new Error("reservation insert returned nothing");
  return inserted;
}

export async function insertReservationToken(db: Executor, tokenHash: string, reservationId: string, at: Date) {
  await db.insert(reservationTokens).values({ tokenHash, reservationId, createdAt: at });
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

/** The draft of this person's most recent expired reservation in the wave, if any. */
export async function latestExpiredDraft(
  db: Executor,
  waveId: number,
  idHash: string,
): Promise<Record<string, unknown> | undefined> {
  const [row] = await db
    .select({ draft: reservations.draft })
    .from(reservations)
    .where(and(eq(reservations.waveId, waveId), eq(reservations.idHash, idHash), eq(reservations.status, "expired")))
    .orderBy(desc(reservations.createdAt))
    .limit(1);
  return row?.draft as Record<string, unknown> | undefined;
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
