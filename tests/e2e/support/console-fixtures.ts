import { randomUUID } from "node:crypto";
import { queryRows, responses } from "@survey/db";
import { ageGroups } from "@survey/identity";
import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { adultIdNumber, latestCode, mobilePhone } from "../../support/resident";

const DAY = 24 * 3600 * 1000;

/** A small deterministic generator, so every run draws the same fieldwork history. */
function generator(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Completed questionnaires per town after ten days: a few towns nearly done, most midway, some behind. */
const TOWN_TOTALS = [196, 150, 132, 120, 118, 104, 96, 92, 88, 80, 74, 66, 58, 40, 28, 16, 9];

/**
 * Ten days of earlier fieldwork written straight into the database (responses plus the quota counters,
 * in one transaction), so that the monitor shows a wave in progress. New completions in the tests go
 * through the API.
 */
export async function seedFieldworkHistory(app: FastifyInstance, waveId: number, now: Date): Promise<number> {
  const random = generator(20261120);
  const db = app.database.db;
  const [wave] = await queryRows<{ questionnaireId: number }>(
    db,
    sql`select questionnaire_id as "questionnaireId" from waves where id = ${waveId}`,
  );
  const communities = await queryRows<{ code: string; townCode: string; cap: number }>(
    db,
    sql`select community_code as code, town_code as "townCode", cap from wave_communities
        where wave_id = ${waveId} order by town_code, community_code`,
  );
  const townCodes = [...new Set(communities.map((community) => community.townCode))];
  const rows: (typeof responses.$inferInsert)[] = [];
  const perCommunity = new Map<string, number>();
  const adultGroups = ageGroups.filter((group) => group !== "under-18");

  // Which town is ahead is drawn too, so the table does not look sorted.
  const totals = [...TOWN_TOTALS];
  for (let i = totals.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [totals[i], totals[j]] = [totals[j] ?? 0, totals[i] ?? 0];
  }
  townCodes.forEach((townCode, index) => {
    const own = communities.filter((community) => community.townCode === townCode);
    let left = totals[index % totals.length] ?? 0;
    // Fill communities unevenly: some stay empty, some reach their cap.
    for (let guard = 0; left > 0 && guard < 10_000; guard++) {
      const community = own[Math.floor(random() ** 1.6 * own.length)];
      if (!community) break;
      const done = perCommunity.get(community.code) ?? 0;
      if (done >= community.cap) continue;
      perCommunity.set(community.code, done + 1);
      left -= 1;
      // Slower towns started late; the pace picks up over the days.
      const daysAgo = Math.floor(random() ** 1.3 * 10);
      rows.push({
        waveId,
        questionnaireId: wave?.questionnaireId ?? 0,
        communityCode: community.code,
        townCode,
        mode: random() < 0.85 ? "online" : "interviewer",
        sex: random() < 0.47 ? "male" : "female",
        ageGroup: adultGroups[Math.floor(random() * adultGroups.length)] ?? "30-39",
        registered: random() < 0.68,
        counted: true,
        receiptCode: randomUUID(),
        answers: {},
        submittedAt: new Date(now.getTime() - daysAgo * DAY - Math.floor(random() * 8 * 3600 * 1000)),
      });
    }
  });

  await db.transaction(async (tx) => {
    // The wave has been open for the ten days of history (the pace window starts when it opened).
    await tx.execute(sql`update waves set opened_at = ${new Date(now.getTime() - 10 * DAY)} where id = ${waveId}`);
    for (let start = 0; start < rows.length; start += 500) {
      await tx.insert(responses).values(rows.slice(start, start + 500));
    }
    for (const [code, completed] of perCommunity) {
      await tx.execute(
        sql`update wave_communities set completed = completed + ${completed} where wave_id = ${waveId} and community_code = ${code}`,
      );
    }
    await tx.execute(sql`
      update wave_towns t set completed = t.completed + c.n
      from (select town_code, count(*)::int as n from responses where wave_id = ${waveId} group by town_code) c
      where t.wave_id = ${waveId} and t.town_code = c.town_code`);
  });
  return rows.length;
}

/** Sex × age-group population of every town, as the population upload expects it. */
export function populationCsv(
  towns: { code: string; population: number }[],
  // Shanghai-like adult age structure (share of the adult population per group).
  shares: Record<string, number> = {
    "18-29": 0.17,
    "30-39": 0.21,
    "40-49": 0.17,
    "50-59": 0.17,
    "60-69": 0.15,
    "70+": 0.13,
  },
): string {
  const lines = ["town_code,sex,age_group,population"];
  for (const town of towns) {
    for (const [sex, sexShare] of [
      ["male", 0.51],
      ["female", 0.49],
    ] as const) {
      for (const [group, share] of Object.entries(shares)) {
        lines.push(`${town.code},${sex},${group},${Math.round(town.population * 0.82 * sexShare * share)}`);
      }
    }
  }
  return `${lines.join("\n")}\n`;
}

/** A valid answer to every question: the given satisfaction code where it fits, else the first choice. */
export function answersFor(definition: Record<string, unknown>, satisfaction = 4): Record<string, number> {
  const answers: Record<string, number> = {};
  const pages = (definition.pages ?? []) as {
    elements?: { type: string; name: string; choices?: { value: number }[] }[];
  }[];
  for (const element of pages.flatMap((page) => page.elements ?? [])) {
    if (element.type !== "radiogroup" || !element.choices?.length) continue;
    const values = element.choices.map((choice) => choice.value);
    answers[element.name] = values.includes(satisfaction) ? satisfaction : (values[0] ?? 1);
  }
  return answers;
}

/**
 * One resident through the online flow up to the held slot (verification, SMS code from the dev outbox,
 * confirmation); `submit` then sends the answers.
 */
export async function holdSlotAsResident(
  app: FastifyInstance,
  waveId: number,
  communityCode: string,
  seq: number,
): Promise<{ submit(): Promise<{ status: number; body: { counted?: boolean } }> }> {
  const person = { idNumber: adultIdNumber({ seq }), phone: mobilePhone(seq + 17_000_000), communityCode };
  const started = await app.inject({ method: "POST", url: `/api/waves/${waveId}/verifications`, payload: person });
  if (started.statusCode !== 201) throw new Error(`verification refused: ${started.body}`);
  const code = await latestCode(app, person.phone);
  const confirmed = await app.inject({
    method: "POST",
    url: `/api/verifications/${started.json().verificationId}/confirm`,
    payload: { code },
  });
  if (confirmed.statusCode !== 201) throw new Error(`confirmation refused: ${confirmed.body}`);
  const { reservationToken, questionnaire } = confirmed.json();
  return {
    submit: async () => {
      const submitted = await app.inject({
        method: "POST",
        url: "/api/responses",
        headers: { authorization: `Bearer ${reservationToken}` },
        payload: { answers: answersFor(questionnaire.definition) },
      });
      return { status: submitted.statusCode, body: submitted.json() };
    },
  };
}
