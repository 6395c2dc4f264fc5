import { queryRows, waves } from "@survey/db";
import { eq, sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { rebuildResponseCodes } from "../../../apps/api/src/modules/analysis/data/response-codes";
import { loadQuestionnaireById } from "../../../apps/api/src/modules/questionnaires/questionnaire-service";
import { loadSyntheticResponses } from "../../support/synthetic-responses";
import type { SignedInUser } from "../../support/test-app";
import { populationCsv } from "./console-fixtures";

export interface AnalysisData {
  /** The open demo wave (2026) with 200 synthetic responses per town. */
  waveId: number;
  /** Earlier closed waves, oldest first (2024, 2025). */
  earlierWaveIds: number[];
  perTown: number;
}

/**
 * Towns whose residents were less (or more) satisfied in the earlier waves than now, so that the
 * comparison with a base wave has significant changes to show. Indexes into the towns by code order.
 */
const EARLIER_SHIFTS: { townIndexes: number[]; delta: -1 | 1; share: number }[] = [
  { townIndexes: [0, 3, 7, 12], delta: -1, share: 0.22 },
  { townIndexes: [5, 14], delta: 1, share: 0.18 },
];

/** Moves a share of the item answers in some towns one step down or up (scores follow the codes). */
async function shiftEarlierWave(app: FastifyInstance, waveId: number, scoreMapping: string | undefined) {
  const db = app.database.db;
  const towns = (
    await queryRows<{ code: string }>(
      db,
      sql`select town_code as code from wave_towns where wave_id = ${waveId} order by town_code`,
    )
  ).map((row) => row.code);
  const score = scoreMapping === "20-100" ? sql`(code * 20)::real` : sql`((code - 1) * 25)::real`;
  for (const shift of EARLIER_SHIFTS) {
    const codes = shift.townIndexes.map((index) => towns[index]).filter((code): code is string => !!code);
    const lowest = shift.delta < 0 ? 2 : 1;
    const highest = shift.delta < 0 ? 5 : 4;
    await db.execute(sql`
      update response_items set code = code + ${shift.delta}
      where wave_id = ${waveId} and town_code in ${sql.raw(`(${codes.map((code) => `'${code}'`).join(",")})`)}
        and code between ${lowest} and ${highest} and random() < ${shift.share}`);
    await db.execute(sql`update response_items set score = ${score} where wave_id = ${waveId} and code <= 5`);
  }
  await rebuildResponseCodes(db, waveId);
}

/**
 * Everything the analysis pages need: sex × age population cells (for post-stratification), two earlier
 * closed waves (2024, 2025) and the open 2026 demo wave, each with synthetic responses in every town.
 * The demo indicator values (2025, 2026) come with the demo seed.
 */
export async function seedAnalysisData(
  app: FastifyInstance,
  admin: SignedInUser,
  perTown = 200,
): Promise<AnalysisData> {
  const db = app.database.db;
  const [demo] = await db.select().from(waves);
  if (!demo?.questionnaireId) throw new Error("the demo wave has no questionnaire");
  const questionnaire = await loadQuestionnaireById(db, demo.questionnaireId);

  const frame = (await app.inject({ url: "/api/admin/frame", headers: admin.headers })).json();
  const population = await app.inject({
    method: "POST",
    url: "/api/admin/frame/population",
    headers: { ...admin.headers, "content-type": "text/csv" },
    payload: populationCsv(frame.towns),
  });
  if (population.statusCode !== 200) throw new Error(`population refused: ${population.body}`);

  const earlierWaveIds: number[] = [];
  for (const year of [2024, 2025]) {
    const created = await app.inject({
      method: "POST",
      url: "/api/admin/waves",
      headers: admin.headers,
      payload: {
        code: `SJ-${year}`,
        title: `${year}年松江区民生满意度调查`,
        year,
        questionnaireId: demo.questionnaireId,
      },
    });
    if (created.statusCode !== 201) throw new Error(`wave ${year} refused: ${created.body}`);
    const waveId: number = created.json().id;
    await loadSyntheticResponses(db, {
      waveId,
      questionnaireId: questionnaire.id,
      scoring: questionnaire.scoring,
      perTown,
    });
    await shiftEarlierWave(app, waveId, questionnaire.scoring.scoreMapping);
    // An earlier year's survey is over; written directly, as the wave's dates lie in the past.
    await db.update(waves).set({ status: "closed" }).where(eq(waves.id, waveId));
    earlierWaveIds.push(waveId);
  }
  await loadSyntheticResponses(db, {
    waveId: demo.id,
    questionnaireId: questionnaire.id,
    scoring: questionnaire.scoring,
    perTown,
  });
  // One item many residents cannot judge: "don't know" for about a quarter, above the 20 % flag.
  const hardToJudge = questionnaire.scoring.items[questionnaire.scoring.items.length - 1]?.name ?? "";
  await db.execute(sql`
    update response_items set code = 8, score = null
    where wave_id = ${demo.id} and question = ${hardToJudge} and random() < 0.22`);
  await rebuildResponseCodes(db, demo.id);
  return { waveId: demo.id, earlierWaveIds, perTown };
}
