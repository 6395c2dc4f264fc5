import { type Database, queryRows, reservationTokens } from "@survey/db";
import { hashSecretToken, randomToken } from "@survey/identity/pii-hash";
import { sql } from "drizzle-orm";

export interface HeldReservation {
  reservationId: string;
  token: string;
}

/**
 * `count` residents who have confirmed their code, spread evenly over the wave's communities: the rows
 * confirm writes (reservation, hashed token) and the reserved counters, in one transaction. Quicker than
 * a thousand verifications through the API, which the other tests cover.
 */
export async function holdReservations(db: Database, waveId: number, count: number): Promise<HeldReservation[]> {
  return db.transaction(async (tx) => {
    const rows = await queryRows<{ id: string }>(
      tx,
      sql`
      with frame as (
        select community_code, town_code, row_number() over (order by community_code) - 1 as n,
               count(*) over () as size
        from wave_communities where wave_id = ${waveId}
      )
      insert into reservations (wave_id, community_code, town_code, id_hash, phone_hash, sex, birth_year, age_group,
                                registered, created_at, expires_at)
      select ${waveId}, f.community_code, f.town_code, md5('crash-id-' || g || random()), md5('crash-phone-' || g || random()),
             'female', 1980, '35-44', true, now(), now() + interval '30 minutes'
      from generate_series(0, ${count - 1}) g join frame f on f.n = g % f.size
      returning id`,
    );
    const held = rows.map((row) => ({ reservationId: row.id, token: randomToken() }));
    await tx.insert(reservationTokens).values(
      held.map((reservation) => ({
        tokenHash: hashSecretToken(reservation.token),
        reservationId: reservation.reservationId,
        createdAt: new Date(),
      })),
    );
    await tx.execute(sql`
      update wave_communities wc set reserved = wc.reserved + r.n
      from (select community_code, count(*)::int as n from reservations
            where wave_id = ${waveId} and status = 'active' group by 1) r
      where wc.wave_id = ${waveId} and wc.community_code = r.community_code`);
    await tx.execute(sql`
      update wave_towns wt set reserved = wt.reserved + r.n
      from (select town_code, count(*)::int as n from reservations
            where wave_id = ${waveId} and status = 'active' group by 1) r
      where wt.wave_id = ${waveId} and wt.town_code = r.town_code`);
    return held;
  });
}
