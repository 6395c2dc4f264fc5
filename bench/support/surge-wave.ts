import { type Database, queryRows } from "@survey/db";
import { buildScoringMap, scoreResponse } from "@survey/questionnaire";
import { sql } from "drizzle-orm";
import { responseCodesHex } from "../../apps/api/src/modules/analysis/data/response-codes";
import { completeDefaultAnswers } from "../../packages/questionnaire/src/default-questionnaire.fixture";

export interface SurgeWave {
  id: number;
  towns: number;
  /** Community codes in bench_communities order (n = index + 1). */
  communities: string[];
  /** A complete, valid set of answers for resident i: satisfaction codes vary from resident to resident. */
  answers: (i: number) => Record<string, unknown>;
  /** `-D` variables of bench/claim-submit.sql. */
  pgbenchVariables: Record<string, string>;
}

/**
 * Makes the seeded demo wave big enough for a benchmark (the runs measure throughput, not the quota_full
 * path), numbers its communities for pgbench, and prepares the answers both sides submit: the API gets
 * them as JSON (codes varying between residents), pgbench one such set plus the scored item rows the API
 * derives from it.
 */
export async function prepareSurgeWave(db: Database): Promise<SurgeWave> {
  const [wave] = await queryRows<{ id: number; questionnaire_id: number }>(
    db,
    sql`select id, questionnaire_id from waves where status = 'open' order by id desc limit 1`,
  );
  if (!wave) throw new Error("the demo wave was not seeded");
  await db.execute(sql`update wave_towns set target = 1000000 where wave_id = ${wave.id}`);
  await db.execute(sql`update wave_communities set cap = 100000 where wave_id = ${wave.id}`);
  await db.execute(sql`
    create table bench_communities as
    select row_number() over (order by community_code)::int as n, community_code, town_code
    from wave_communities where wave_id = ${wave.id}`);
  await db.execute(sql`alter table bench_communities add primary key (n)`);
  const communities = (
    await queryRows<{ community_code: string }>(db, sql`select community_code from bench_communities order by n`)
  ).map((row) => row.community_code);
  const [towns] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from wave_towns where wave_id = ${wave.id}`,
  );
  const [questionnaire] = await queryRows<{ definition: unknown }>(
    db,
    sql`select definition from questionnaires where id = ${wave.questionnaire_id}`,
  );
  const answers = completeDefaultAnswers();
  const scoring = buildScoringMap(questionnaire?.definition);
  const satisfactionItems = scoring.items.map((item) => item.name);
  const scored = scoreResponse(scoring, answers);
  // The same rows response-store.ts writes: the rating items plus the overall item.
  const items = [
    ...scored.items,
    ...(scored.overall && scoring.overall
      ? [{ question: scoring.overall.name, dimension: "overall", domain: "overall", ...scored.overall }]
      : []),
  ];
  return {
    id: wave.id,
    towns: towns?.n ?? 0,
    communities,
    answers: (i) => {
      const varied: Record<string, unknown> = { ...answers };
      // A different mix of codes 1–5 for each resident (a fixed-point hash of i and the item's position).
      satisfactionItems.forEach((name, k) => {
        varied[name] = 1 + ((((i + 1) * 2654435761 + k * 40503) >>> 0) % 5);
      });
      return varied;
    },
    pgbenchVariables: {
      wave: String(wave.id),
      communities: String(communities.length),
      questionnaire: String(wave.questionnaire_id),
      answers: JSON.stringify(answers),
      items: JSON.stringify(items),
      codes: responseCodesHex(scoring, items),
    },
  };
}
