import { type Database, type Executor, queryRows } from "@survey/db";
import { type SQL, sql } from "drizzle-orm";

/**
 * The hashes of who has answered a wave live in `respondent_key_sets`, apart from responses (SPEC §6): one row
 * per bucket (`i` or `p` and the hash's first two hex digits), holding that bucket's hashes as one sorted
 * array. Nothing in the table names a response, a time or an order.
 */
export type RespondentKeyKind = "id" | "phone";

/** The bucket of a hash; the kind's letter is a constant of the statement (prepared statements take no value). */
function bucketSql(kind: RespondentKeyKind, hash: SQL): SQL {
  return sql`(${sql.raw(kind === "id" ? "'i'" : "'p'")} || left(${hash}, 2))`;
}

/** Whether the hash (an SQL text value) is among the wave's respondents. */
export function respondentKeyKnownSql(waveId: SQL, kind: RespondentKeyKind, hash: SQL): SQL {
  return sql`exists (select from respondent_key_sets s
    where s.wave_id = ${waveId} and s.bucket = ${bucketSql(kind, hash)} and ${hash} = any(s.keys))`;
}

/**
 * Adds one hash to its bucket, in the caller's transaction; false when it was already there. The upsert locks
 * the bucket's row, so two concurrent answers of one person take turns and the later one finds the hash.
 */
async function addRespondentKey(tx: Executor, waveId: number, kind: RespondentKeyKind, hash: string) {
  const key = sql`${hash}::text`;
  const rows = await queryRows<{ added: number }>(
    tx,
    sql`insert into respondent_key_sets as s (wave_id, bucket, keys)
      values (${waveId}::int, ${bucketSql(kind, key)}, array[${key}])
      on conflict (wave_id, bucket) do update
        set keys = (select array_agg(k order by k) from unnest(s.keys || excluded.keys) k), fresh = true
        where not (${key} = any(s.keys))
      returning 1 as added`,
  );
  return rows.length > 0;
}

/**
 * Records that the person (ID hash, phone hash — either may be absent for a paper questionnaire) has answered
 * the wave. False when either hash already had: the caller's transaction must then roll back. The ID number is
 * always added before the phone, so concurrent transactions lock buckets in one order of kinds.
 */
export async function recordRespondentKeys(
  tx: Executor,
  waveId: number,
  person: { idHash?: string | null; phoneHash?: string | null },
): Promise<boolean> {
  if (person.idHash && !(await addRespondentKey(tx, waveId, "id", person.idHash))) return false;
  if (person.phoneHash && !(await addRespondentKey(tx, waveId, "phone", person.phoneHash))) return false;
  return true;
}

/** The given hashes that have answered the wave (for a paper import, which refuses those rows). */
export async function respondedKeysAmong(
  db: Executor,
  waveId: number,
  hashes: { idHashes: string[]; phoneHashes: string[] },
): Promise<{ idHashes: Set<string>; phoneHashes: Set<string> }> {
  const found = async (kind: RespondentKeyKind, list: string[]) => {
    if (list.length === 0) return new Set<string>();
    const rows = await queryRows<{ key: string }>(
      db,
      sql`select k as key from respondent_key_sets s, unnest(s.keys) k
        where s.wave_id = ${waveId}::int and s.bucket like ${kind === "id" ? "i%" : "p%"}
          and k = any(${`{${list.join(",")}}`}::text[])`,
    );
    return new Set(rows.map((row) => row.key));
  };
  return { idHashes: await found("id", hashes.idHashes), phoneHashes: await found("phone", hashes.phoneHashes) };
}

/**
 * Once a reservation became a response, the reservations and verifications that knew the person forget them:
 * the submitted reservation keeps no hashes, the person's earlier reservations of the wave lose their hashes,
 * drafts and tokens (a late submission of one of them could only be a second answer), and the confirmed
 * verifications behind any of them are deleted. Then no table joins a hash to the response.
 */
export async function forgetRespondentOfReservation(
  tx: Executor,
  reservation: { id: string; waveId: number; idHash: string | null; phoneHash: string | null },
): Promise<void> {
  const earlier = sql`select id from reservations
    where wave_id = ${reservation.waveId}::int and id <> ${reservation.id}::uuid and status <> 'active'
      and (id_hash = ${reservation.idHash}::text or phone_hash = ${reservation.phoneHash}::text)`;
  await tx.execute(sql`
    with earlier as (${earlier}),
    tokens as (delete from reservation_tokens where reservation_id in (select id from earlier)),
    spent as (
      delete from verifications
      where reservation_id = ${reservation.id}::uuid or reservation_id in (select id from earlier)
    )
    update reservations
    set id_hash = null, phone_hash = null,
      draft = case when id = ${reservation.id}::uuid then draft else '{}'::jsonb end
    where id = ${reservation.id}::uuid or id in (select id from earlier)`);
}

/**
 * Rewrites the buckets of every wave that gained respondents since the last call, in bucket order, in one
 * transaction: an updated row's new version lands wherever the heap has room (often last), and carries the
 * updating transaction's id, the same as its response's — both would tell who answered last. After the
 * rewrite every row of the wave sits in bucket order with the rewrite's transaction id. Run by the sweeper.
 */
export async function reshuffleRespondentKeys(db: Database): Promise<number> {
  return db.transaction(async (tx) => {
    const rows = await queryRows<{ wave_id: number; bucket: string; keys: string[] | string }>(
      tx,
      sql`select wave_id, bucket, keys from respondent_key_sets
        where wave_id in (select wave_id from respondent_key_sets where fresh)
        order by wave_id, bucket
        for update`,
    );
    if (rows.length === 0) return 0;
    const waves = [...new Set(rows.map((row) => row.wave_id))];
    await tx.execute(sql`delete from respondent_key_sets where wave_id = any(${`{${waves.join(",")}}`}::int[])`);
    const values = rows.map(
      (row) =>
        sql`(${row.wave_id}::int, ${row.bucket}::text, ${typeof row.keys === "string" ? row.keys : `{${row.keys.join(",")}}`}::text[], false)`,
    );
    for (let start = 0; start < values.length; start += 500) {
      await tx.execute(
        sql`insert into respondent_key_sets (wave_id, bucket, keys, fresh) values ${sql.join(values.slice(start, start + 500), sql`, `)}`,
      );
    }
    return waves.length;
  });
}
