/**
 * The SQL behind the satisfaction results' design and cross-tabs (STATISTICS.md §1–2), and the shapes of the
 * per-town (per weighting cell when post-stratified) sums that results-tally.ts forms from the respondents'
 * code rows (data/response-codes.ts).
 */
import { type Executor, queryRows } from "@survey/db";
import { type SQL, sql } from "drizzle-orm";

/** Weighting-cell key of a respondent: `sex|age_group` ('' for an unknown part). */
export const respondentCellSql = (alias: string): SQL =>
  sql.raw(`coalesce(${alias}.sex, '') || '|' || coalesce(${alias}.age_group, '')`);

export interface WaveTownSampleRow {
  code: string;
  name: string;
  /** towns.population */
  framePopulation: number;
  /** Σ town_population_cells.population, null when the town has no cells. */
  cellPopulation: number | null;
  /** Counted responses. */
  respondents: number;
  /** The town's sample target in this wave. */
  target: number;
}

/**
 * The wave's towns with their populations and counted responses. `counted` saves the scan of `responses`
 * when the caller has the counts already (the results read them with the respondents' codes).
 */
export async function waveTownSample(
  db: Executor,
  waveId: number,
  counted?: ReadonlyMap<string, number>,
): Promise<WaveTownSampleRow[]> {
  const counts = counted
    ? sql`(select null::text as town_code, 0 as n) r`
    : sql`(select town_code, count(*) as n from responses where wave_id = ${waveId} and counted group by town_code) r`;
  const rows = await queryRows<WaveTownSampleRow>(
    db,
    sql`
      select wt.town_code as code, t.name, t.population::float8 as "framePopulation",
        (select sum(p.population)::float8 from town_population_cells p where p.town_code = wt.town_code)
          as "cellPopulation",
        coalesce(r.n, 0)::int as respondents, wt.target::int as target
      from wave_towns wt
      join towns t on t.code = wt.town_code
      left join ${counts} on r.town_code = wt.town_code
      where wt.wave_id = ${waveId}
      order by wt.town_code`,
  );
  return counted ? rows.map((row) => ({ ...row, respondents: counted.get(row.code) ?? 0 })) : rows;
}

export interface RespondentCellRow {
  townCode: string;
  cell: string;
  respondents: number;
}

export async function respondentCells(db: Executor, waveId: number): Promise<RespondentCellRow[]> {
  return queryRows<RespondentCellRow>(
    db,
    sql`
      select r.town_code as "townCode", ${respondentCellSql("r")} as cell, count(*)::int as respondents
      from responses r
      where r.wave_id = ${waveId} and r.counted
      group by 1, 2`,
  );
}

export interface PopulationCellRow {
  townCode: string;
  cell: string;
  population: number;
}

export async function populationCells(db: Executor, waveId: number): Promise<PopulationCellRow[]> {
  return queryRows<PopulationCellRow>(
    db,
    sql`
      select p.town_code as "townCode", ${respondentCellSql("p")} as cell, p.population::float8 as population
      from town_population_cells p
      join wave_towns wt on wt.town_code = p.town_code and wt.wave_id = ${waveId}`,
  );
}

/** Per town (and cell), per question: valid answers, Σs, Σs², satisfied answers (code ≥ satisfiedFrom). */
export interface ItemAggregateRow {
  townCode: string;
  /** Raw `sex|age_group` key when grouped by cell, else null. */
  cell: string | null;
  question: string;
  valid: number;
  sum: number;
  sumOfSquares: number;
  satisfied: number;
}

/**
 * The score plans for the respondents of one town and one question. Plans come in families (overall,
 * dimensions, domains) and a question is in at most one plan of each family, so one row carries, per family,
 * the plan's index and the question's multipliers: u_plan gets a·(s − ȳ) for a valid score s, once with the
 * town's own plan (townMultiplier, townMean; 0 when the item is not estimable in the town) and once with the
 * district's plan (districtMultiplier, districtMean).
 */
export interface ScorePlanRow {
  town: string;
  question: string;
  townMean: number;
  districtMean: number;
  /** One entry per family; null when the question is in no plan of the family. */
  terms: readonly ({ plan: number; townMultiplier: number; districtMultiplier: number } | null)[];
}

export interface ScorePlanTable {
  /** Plan names by index. */
  plans: readonly string[];
  /** The family of each plan, by index. */
  families: readonly number[];
  rows: readonly ScorePlanRow[];
}

export interface ScoreAggregateRow {
  townCode: string;
  cell: string | null;
  plan: string;
  /** Respondents with at least one valid item of the plan. */
  contributing: number;
  townSum: number;
  townSumOfSquares: number;
  districtSum: number;
  districtSumOfSquares: number;
}

export interface CrosstabGroupRow {
  townCode: string;
  cell: string | null;
  /** Null when the respondent has no value for the variable. */
  row: string | null;
  column: string | null;
  count: number;
}

/**
 * Counted respondents of the filtered domain per town (and cell) × row category × column category, including
 * those missing a variable (they stay in the design with zero contributions). `row`, `column` and `filters`
 * are expressions from the cross-tab catalogue over `r` (responses) and, with `scores`, `rs` (respondent
 * score: mean of the valid satisfaction items when at least half of `itemCount` are valid).
 */
export async function crosstabGroups(
  db: Executor,
  waveId: number,
  query: { row: SQL; column: SQL; filters: readonly SQL[]; scores: { itemCount: number } | null; byCell: boolean },
): Promise<CrosstabGroupRow[]> {
  const cell = query.byCell ? respondentCellSql("r") : sql`null::text`;
  const scores = query.scores
    ? sql`left join (
        select response_id, avg(score::float8) as score, count(*) as valid
        from response_items
        where wave_id = ${waveId} and counted and score is not null and dimension <> 'overall'
        group by response_id
        having count(*) * 2 >= ${query.scores.itemCount}
      ) rs on rs.response_id = r.id`
    : sql``;
  const filters = query.filters.map((filter) => sql` and ${filter}`);
  return queryRows<CrosstabGroupRow>(
    db,
    sql`
      select r.town_code as "townCode", ${cell} as cell, ${query.row} as "row", ${query.column} as "column",
        count(*)::int as count
      from responses r ${scores}
      where r.wave_id = ${waveId} and r.counted ${sql.join(filters, sql``)}
      group by 1, 2, 3, 4`,
  );
}

/** The wave's towns with their names, in code order. */
export async function waveTownNames(db: Executor, waveId: number): Promise<{ code: string; name: string }[]> {
  return queryRows<{ code: string; name: string }>(
    db,
    sql`select t.code, t.name from wave_towns wt join towns t on t.code = wt.town_code
      where wt.wave_id = ${waveId} order by t.code`,
  );
}
