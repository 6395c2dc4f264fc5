/**
 * The SQL aggregates behind the satisfaction results (STATISTICS.md §1–2). Every query returns per-town
 * (per weighting cell when post-stratified) sufficient statistics; no respondent row reaches Node.
 * Scores are stored as real (exact for 0/20/25/…/100) and summed as float8.
 */
import { type Executor, queryRows } from "@survey/db";
import { type SQL, sql } from "drizzle-orm";

/** Weighting-cell key of a respondent: `sex|age_group` ('' for an unknown part). */
export const respondentCellSql = (alias: string): SQL =>
  sql.raw(`coalesce(${alias}.sex, '') || '|' || coalesce(${alias}.age_group, '')`);

export const cellKey = (sex: string | null, ageGroup: string | null) => `${sex ?? ""}|${ageGroup ?? ""}`;

export interface WaveTownSampleRow {
  code: string;
  name: string;
  /** towns.population */
  framePopulation: number;
  /** Σ town_population_cells.population, null when the town has no cells. */
  cellPopulation: number | null;
  /** Counted responses. */
  respondents: number;
}

export async function waveTownSample(db: Executor, waveId: number): Promise<WaveTownSampleRow[]> {
  return queryRows<WaveTownSampleRow>(
    db,
    sql`
      select wt.town_code as code, t.name, t.population::float8 as "framePopulation",
        (select sum(p.population)::float8 from town_population_cells p where p.town_code = wt.town_code)
          as "cellPopulation",
        coalesce(r.n, 0)::int as respondents
      from wave_towns wt
      join towns t on t.code = wt.town_code
      left join (
        select town_code, count(*) as n from responses where wave_id = ${waveId} and counted group by town_code
      ) r on r.town_code = wt.town_code
      where wt.wave_id = ${waveId}
      order by wt.town_code`,
  );
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

/** Per town (and cell), per question: valid answers, Σs, Σs², satisfied answers (code ≥ satisfiedFrom). */
export async function itemAggregates(
  db: Executor,
  waveId: number,
  options: { byCell: boolean; satisfiedFrom: number },
): Promise<ItemAggregateRow[]> {
  const cell = options.byCell ? respondentCellSql("r") : sql`null::text`;
  const join = options.byCell ? sql`join responses r on r.id = ri.response_id` : sql``;
  return queryRows<ItemAggregateRow>(
    db,
    sql`
      select ri.town_code as "townCode", ${cell} as cell, ri.question,
        count(ri.score)::int as valid,
        coalesce(sum(ri.score::float8), 0) as sum,
        coalesce(sum(ri.score::float8 * ri.score::float8), 0) as "sumOfSquares",
        (count(*) filter (where ri.score is not null and ri.code >= ${options.satisfiedFrom}))::int as satisfied
      from response_items ri ${join}
      where ri.wave_id = ${waveId} and ri.counted
      group by 1, 2, 3`,
  );
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

/**
 * The second pass for dimension, domain and overall scores: per respondent (one GROUP BY response_id) every
 * plan's u = Σ_k a_k·(s_k − ȳ_k) over its valid items, as filtered sums; then Σu and Σu² per town (and cell).
 * The plan goes in as one jsonb parameter; plan indices are integers generated here, never user input.
 */
export async function scoreAggregates(
  db: Executor,
  waveId: number,
  table: ScorePlanTable,
  options: { byCell: boolean },
): Promise<ScoreAggregateRow[]> {
  if (table.rows.length === 0 || table.plans.length === 0) return [];
  const familyCount = Math.max(...table.families) + 1;
  const compact = table.rows.map((row) => {
    const entry: Record<string, string | number | null> = {
      t: row.town,
      q: row.question,
      mt: row.townMean,
      md: row.districtMean,
    };
    for (let f = 0; f < familyCount; f++) {
      const term = row.terms[f];
      entry[`p${f}`] = term?.plan ?? null;
      entry[`at${f}`] = term?.townMultiplier ?? null;
      entry[`ad${f}`] = term?.districtMultiplier ?? null;
    }
    return entry;
  });
  const familyColumns = Array.from({ length: familyCount }, (_, f) => `p${f} int, at${f} float8, ad${f} float8`);
  const perRespondent = table.families.map(
    (f, j) =>
      `sum(p.at${f} * (ri.score::float8 - p.mt)) filter (where p.p${f} = ${j}) as t${j}, ` +
      `sum(p.ad${f} * (ri.score::float8 - p.md)) filter (where p.p${f} = ${j}) as d${j}`,
  );
  const perTown = table.plans.map(
    (_, j) =>
      `count(u.t${j})::int as c${j}, coalesce(sum(u.t${j}), 0) as st${j}, coalesce(sum(u.t${j} * u.t${j}), 0) as qt${j}, ` +
      `coalesce(sum(u.d${j}), 0) as sd${j}, coalesce(sum(u.d${j} * u.d${j}), 0) as qd${j}`,
  );
  const cell = options.byCell ? respondentCellSql("r") : sql`null::text`;
  const join = options.byCell ? sql`join responses r on r.id = u.response_id` : sql``;
  const rows = await queryRows<Record<string, number | string | null>>(
    db,
    sql`
      with p as (
        select * from jsonb_to_recordset(${JSON.stringify(compact)}::jsonb)
          as p(t text, q text, mt float8, md float8, ${sql.raw(familyColumns.join(", "))})
      ), u as (
        select ri.response_id, ri.town_code, ${sql.raw(perRespondent.join(",\n"))}
        from response_items ri
        join p on p.t = ri.town_code and p.q = ri.question
        where ri.wave_id = ${waveId} and ri.counted and ri.score is not null
        group by ri.response_id, ri.town_code
      )
      select u.town_code as "townCode", ${cell} as cell, ${sql.raw(perTown.join(",\n"))}
      from u ${join}
      group by 1, 2`,
  );
  return rows.flatMap((row) =>
    table.plans.map((plan, j) => ({
      townCode: row.townCode as string,
      cell: row.cell as string | null,
      plan,
      contributing: Number(row[`c${j}`]),
      townSum: Number(row[`st${j}`]),
      townSumOfSquares: Number(row[`qt${j}`]),
      districtSum: Number(row[`sd${j}`]),
      districtSumOfSquares: Number(row[`qd${j}`]),
    })),
  );
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
