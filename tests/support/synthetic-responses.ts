/**
 * Bulk loader of synthetic responses straight into `responses`, `response_items` and `response_codes` (one
 * INSERT … SELECT generate_series per chunk), for tests and bench/. Rows mirror what storeResponse writes: the coded answers
 * in `answers` (satisfaction, overall, policy and demographic questions) and one scored item row per
 * answered satisfaction or overall question; 2 % of items are blank, 3 % don't know, 2 % not applicable.
 * Towns differ by a fixed shift, respondents by a random one, so results have structure to find.
 */
import type { Executor } from "@survey/db";
import { queryRows } from "@survey/db";
import type { ScoringMap } from "@survey/questionnaire";
import { sql } from "drizzle-orm";

export interface SyntheticResponseOptions {
  waveId: number;
  questionnaireId: number;
  scoring: ScoringMap;
  /** Responses per town of the wave (towns with communities in wave_communities). */
  perTown: number;
  /** Responses per INSERT statement. */
  chunkSize?: number;
  /** Called after every chunk with the responses loaded so far. */
  onProgress?: (loaded: number, total: number) => void;
}

export const SYNTHETIC_AGE_GROUPS = ["18-29", "30-39", "40-49", "50-59", "60-69", "70+"] as const;

/** Loads `perTown` counted responses into every town of the wave; returns the number of responses. */
export async function loadSyntheticResponses(db: Executor, options: SyntheticResponseOptions): Promise<number> {
  const { waveId, questionnaireId, scoring, perTown } = options;
  const [towns] = await queryRows<{ count: number }>(
    db,
    sql`select count(distinct town_code)::int as count from wave_communities where wave_id = ${waveId}`,
  );
  const townCount = towns?.count ?? 0;
  if (townCount === 0) throw new Error(`wave ${waveId} has no communities`);
  const [numbered] = await queryRows<{ start: number }>(
    db,
    sql`select count(*)::int as start from responses where wave_id = ${waveId}`,
  );
  const first = (numbered?.start ?? 0) + 1;
  const total = perTown * townCount;
  const items = [
    ...scoring.items.map((item, k) => ({ k, q: item.name, d: item.dimension, m: item.domain, dk: true })),
    ...(scoring.overall
      ? [{ k: scoring.items.length, q: scoring.overall.name, d: "overall", m: "overall", dk: false }]
      : []),
  ];
  const coded = Object.fromEntries(
    [...scoring.policyItems, ...scoring.demographicItems].map((item) => [item.name, item.choices.length]),
  );
  const score = scoring.scoreMapping === "20-100" ? sql`(code * 20)::real` : sql`((code - 1) * 25)::real`;
  const chunkSize = options.chunkSize ?? 20_000;
  for (let from = first; from < first + total; from += chunkSize) {
    const to = Math.min(from + chunkSize - 1, first + total - 1);
    await db.execute(sql`
      with towns as (
        select town_code, (row_number() over (order by town_code) - 1)::int as idx,
          array_agg(community_code order by community_code) as comms
        from wave_communities where wave_id = ${waveId} group by town_code
      ),
      gen as (
        select g, md5(${`${waveId}:`} || g)::uuid as id, t.town_code, t.idx,
          t.comms[1 + ((g - 1) / ${townCount}) % array_length(t.comms, 1)] as community_code,
          (random() - 0.5) * 1.2 as shift,
          case when random() < 0.5 then 'male' else 'female' end as sex,
          (${sql.raw(`array[${SYNTHETIC_AGE_GROUPS.map((group) => `'${group}'`).join(",")}]`)})[1 + floor(random() * 6)::int]
            as age_group,
          random() < 0.6 as registered
        from generate_series(${from}::int, ${to}::int) g
        join towns t on t.idx = (g - 1) % ${townCount}
      ),
      items as (
        select * from jsonb_to_recordset(${JSON.stringify(items)}::jsonb) as k(k int, q text, d text, m text, dk boolean)
      ),
      drawn as (
        select gen.id, gen.town_code, items.q, items.d, items.m, items.dk, random() as special,
          least(5, greatest(1, round(3.4 + ((gen.idx % 5) - 2) * 0.2 + gen.shift + ((items.k % 7) - 3) * 0.1
            + (random() - 0.5) * 2.4)))::int as code
        from gen cross join items
      ),
      answered as (
        select id, town_code, q, d, m,
          case when special < 0.02 then null when dk and special < 0.05 then 8 when dk and special < 0.07 then 9
            else code end as code
        from drawn
      ),
      inserted_items as (
        insert into response_items (response_id, wave_id, town_code, question, dimension, domain, code, score, counted)
        select id, ${waveId}, town_code, q, d, m, code, case when code <= 5 then ${score} end, true
        from answered where code is not null
      ),
      answers as (
        select id, jsonb_object_agg(q, code) as coded from answered where code is not null group by id
      ),
      inserted_codes as (
        insert into response_codes (response_id, wave_id, town_code, sex, age_group, counted, codes)
        select gen.id, ${waveId}, gen.town_code, gen.sex, gen.age_group, true, c.codes
        from gen join (
          select id, decode(string_agg(lpad(to_hex(coalesce(code, 0)), 2, '0'), '' order by q collate "C"), 'hex') as codes
          from answered group by id
        ) c on c.id = gen.id
      )
      insert into responses (id, wave_id, questionnaire_id, community_code, town_code, mode, sex, age_group,
        registered, counted, receipt_code, answers, submitted_at)
      select gen.id, ${waveId}, ${questionnaireId}, gen.community_code, gen.town_code,
        case when gen.g % 10 = 0 then 'interviewer' else 'online' end, gen.sex, gen.age_group, gen.registered, true,
        ${`SYN${waveId}-`} || gen.g, coalesce(answers.coded, '{}'::jsonb) || coalesce(other.coded, '{}'::jsonb),
        timestamptz '2026-10-01 08:00:00+08' + gen.g * interval '7 seconds'
      from gen
      left join answers on answers.id = gen.id
      cross join lateral (
        select jsonb_object_agg(c.key, 1 + floor(random() * c.value::text::int)::int) as coded
        from jsonb_each(${JSON.stringify(coded)}::jsonb) c
        where gen.g is not null
      ) other`);
    options.onProgress?.(to - first + 1, total);
  }
  // Fresh statistics, as autovacuum would give them after a day of fieldwork.
  await db.execute(sql`analyze responses, response_items, response_codes`);
  return total;
}
