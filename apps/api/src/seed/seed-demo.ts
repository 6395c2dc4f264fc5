import { appMeta, communities, type Database, queryRows, questionnaires, towns } from "@survey/db";
import { sql } from "drizzle-orm";
import { createWave, openWave } from "../modules/waves";
import { demoFrame } from "./demo-frame";
import { seedDemoIndicators } from "./demo-indicators";
import { demoQuestionnaire } from "./demo-questionnaire";

export const DEMO_WAVE_TITLE = "2026年松江区民生满意度调查";

/**
 * Loads the demo frame and an open demo wave into an empty database, once: the `app_meta` row is
 * claimed first, so several processes starting together seed it exactly once. Returns whether it ran.
 */
export async function seedDemoData(db: Database, now: Date): Promise<boolean> {
  const waveId = await db.transaction(async (tx) => {
    const claimed = await tx
      .insert(appMeta)
      .values({ key: "demo_seed", value: { at: now.toISOString() } })
      .onConflictDoNothing()
      .returning({ key: appMeta.key });
    if (claimed.length === 0) return undefined;
    const existing = await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from towns`);
    if ((existing[0]?.n ?? 0) > 0) return undefined;

    const frame = demoFrame();
    await tx
      .insert(towns)
      .values(frame.towns.map(({ code, name, kind, population }) => ({ code, name, kind, population, demo: true })));
    await tx.insert(communities).values(frame.communities.map((community) => ({ ...community, demo: true })));
    await seedDemoIndicators(tx, frame.towns, now);
    const questionnaire = demoQuestionnaire();
    const [stored] = await tx
      .insert(questionnaires)
      .values({
        code: questionnaire.code,
        version: 1,
        title: questionnaire.title,
        definition: questionnaire.definition,
      })
      .returning({ id: questionnaires.id });
    return stored?.id;
  });
  if (waveId === undefined) return false;
  const closesAt = new Date(now.getTime() + 30 * 24 * 3600 * 1000);
  const wave = await createWave(db, {
    code: "SJ-2026",
    title: DEMO_WAVE_TITLE,
    year: 2026,
    questionnaireId: waveId,
    townTarget: 200,
    communityCap: 20,
    closesAt,
    demo: true,
  });
  await openWave(db, wave.id, now);
  return true;
}
