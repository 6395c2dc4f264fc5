/**
 * The figures the report needs that no analysis endpoint gives: fieldwork per town (target, counted responses
 * by mode, verification attempts, communities reached).
 */
import { type Executor, queryRows } from "@survey/db";
import { sql } from "drizzle-orm";

export interface TownFieldwork {
  code: string;
  name: string;
  target: number;
  /** Counted responses. */
  completed: number;
  online: number;
  interviewer: number;
  imported: number;
  /** Verifications started (each double verification by ID number and phone). */
  attempts: number;
  communities: number;
  /** Communities with at least one counted response. */
  communitiesReached: number;
}

export function townFieldwork(db: Executor, waveId: number): Promise<TownFieldwork[]> {
  return queryRows<TownFieldwork>(
    db,
    sql`
      select wt.town_code as code, t.name, wt.target,
        coalesce(r.completed, 0)::int as completed, coalesce(r.online, 0)::int as online,
        coalesce(r.interviewer, 0)::int as interviewer, coalesce(r.imported, 0)::int as imported,
        coalesce(v.attempts, 0)::int as attempts,
        (select count(*)::int from wave_communities wc where wc.wave_id = wt.wave_id and wc.town_code = wt.town_code)
          as communities,
        coalesce(r.reached, 0)::int as "communitiesReached"
      from wave_towns wt
      join towns t on t.code = wt.town_code
      left join (
        select town_code, count(*) as completed,
          count(*) filter (where mode = 'online') as online,
          count(*) filter (where mode = 'interviewer') as interviewer,
          count(*) filter (where mode = 'import') as imported,
          count(distinct community_code) as reached
        from responses where wave_id = ${waveId} and counted group by town_code
      ) r on r.town_code = wt.town_code
      left join (
        select town_code, count(*) as attempts from verifications where wave_id = ${waveId} group by town_code
      ) v on v.town_code = wt.town_code
      where wt.wave_id = ${waveId}
      order by wt.town_code`,
  );
}
