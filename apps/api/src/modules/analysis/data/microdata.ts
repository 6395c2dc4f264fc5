import { type Executor, queryRows } from "@survey/db";
import { sql } from "drizzle-orm";

/** Rows per page: a large wave streams without being held in memory. */
export const PAGE_SIZE = 2000;

export interface MicrodataRow {
  id: string;
  submittedAt: string;
  townCode: string;
  townName: string | null;
  communityCode: string;
  communityName: string | null;
  mode: string;
  sex: string | null;
  ageGroup: string | null;
  registered: boolean | null;
  answers: Record<string, unknown>;
}

/** One page of the counted responses in submission order, after `after` (keyset paging). */
export async function microdataPage(db: Executor, waveId: number, after: { submittedAt: string; id: string } | null) {
  const cursor = after
    ? sql`and (r.submitted_at, r.id) > (${after.submittedAt}::timestamptz, ${after.id}::uuid)`
    : sql``;
  return queryRows<MicrodataRow>(
    db,
    sql`
      select r.id, r.submitted_at::text as "submittedAt", r.town_code as "townCode", t.name as "townName",
        r.community_code as "communityCode", c.name as "communityName", r.mode, r.sex, r.age_group as "ageGroup",
        r.registered, r.answers
      from responses r
      left join towns t on t.code = r.town_code
      left join communities c on c.code = r.community_code
      where r.wave_id = ${waveId} and r.counted ${cursor}
      order by r.submitted_at, r.id
      limit ${PAGE_SIZE}`,
  );
}
