/**
 * The fixed results data set of tests/reference/results-respondents.csv, stored through the real path
 * (storeResponse, the function every submission and import goes through) into a fresh database: three towns,
 * a five-item questionnaire with an overall question, a policy and a demographic question, and two waves.
 * tests/reference/results.R computes the expected figures from the same CSV with R's survey package.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { communities, townPopulationCells, towns } from "@survey/db";
import {
  createQuestionnaire,
  loadQuestionnaireById,
} from "../../apps/api/src/modules/questionnaires/questionnaire-service";
import { storeResponse } from "../../apps/api/src/modules/resident/data/response-store";
import { createWave } from "../../apps/api/src/modules/waves/wave-service";
import { createTestApp, type SignedInUser, signIn, type TestApp } from "./test-app";

export const FIXTURE_TOWNS = [
  { code: "T01", name: "甲街道", kind: "street" as const, population: 5600 },
  { code: "T02", name: "乙镇", kind: "town" as const, population: 12800 },
  { code: "T03", name: "丙镇", kind: "town" as const, population: 3100 },
];

/** Adult population by sex × age group; T03 has none (N_h = frame population there). */
export const FIXTURE_CELLS = [
  ["T01", "female", "30-39", 1400],
  ["T01", "female", "60-69", 1200],
  ["T01", "male", "30-39", 1500],
  ["T01", "male", "60-69", 1100],
  ["T02", "female", "30-39", 3000],
  ["T02", "female", "60-69", 3200],
  ["T02", "male", "30-39", 2900],
  ["T02", "male", "60-69", 2900],
] as const;

const satisfaction = (name: string, dimension: string, domain: string) => ({
  type: "radiogroup",
  name,
  title: `${name} 满意吗？`,
  itemKind: "satisfaction",
  dimension,
  domain,
  choices: [5, 4, 3, 2, 1, 8, 9].map((value) => ({ value, text: String(value) })),
});

export const FIXTURE_QUESTIONNAIRE = {
  locale: "zh-cn",
  title: "结果测试问卷",
  scoreMapping: "0-100",
  pages: [
    { name: "living", elements: [satisfaction("q1", "living", "health"), satisfaction("q2", "living", "education")] },
    {
      name: "environment",
      elements: [
        satisfaction("q3", "environment", "living_environment"),
        satisfaction("q4", "environment", "living_environment"),
        satisfaction("q5", "environment", "public_safety"),
      ],
    },
    {
      name: "policies",
      elements: [
        {
          type: "radiogroup",
          name: "policy",
          title: "您知道这项政策吗？",
          itemKind: "policy",
          choices: [
            { value: 1, text: "知道" },
            { value: 2, text: "听说过" },
            { value: 3, text: "不知道" },
          ],
        },
      ],
    },
    {
      name: "closing",
      elements: [
        {
          type: "radiogroup",
          name: "overall",
          title: "总体满意吗？",
          itemKind: "overall",
          choices: [5, 4, 3, 2, 1].map((value) => ({ value, text: String(value) })),
        },
        { type: "comment", name: "comment", title: "意见和建议" },
      ],
    },
    {
      name: "about",
      elements: [
        {
          type: "radiogroup",
          name: "education",
          title: "文化程度",
          itemKind: "demographic",
          choices: [
            { value: 1, text: "初中及以下" },
            { value: 2, text: "高中" },
            { value: 3, text: "大学及以上" },
          ],
        },
      ],
    },
  ],
};

export interface FixtureRow {
  wave: string;
  number: number;
  town: string;
  community: string;
  sex: "male" | "female";
  age: string;
  registered: boolean;
  counted: boolean;
  answers: Record<string, number | string>;
}

export function readFixtureRows(): FixtureRow[] {
  const text = readFileSync(new URL("../reference/results-respondents.csv", import.meta.url), "utf8").trim();
  const [header, ...lines] = text.split("\n");
  const columns = (header ?? "").split(",");
  return lines.map((line) => {
    const cells = Object.fromEntries(line.split(",").map((value, i) => [columns[i], value]));
    const answers: Record<string, number | string> = {};
    for (const name of ["q1", "q2", "q3", "q4", "q5", "overall", "education", "policy"]) {
      if (cells[name]) answers[name] = Number(cells[name]);
    }
    // Free text the microdata export must leave out.
    answers.comment = `请联系我 1380013${String(cells.number).padStart(4, "0")}`;
    return {
      wave: cells.wave as string,
      number: Number(cells.number),
      town: cells.town as string,
      community: cells.community as string,
      sex: cells.sex as "male" | "female",
      age: cells.age as string,
      registered: cells.registered === "true",
      counted: cells.counted === "true",
      answers,
    };
  });
}

export interface ResultsFixture {
  t: TestApp;
  office: SignedInUser;
  /** Wave ids by the CSV's wave column. */
  waveIds: Record<"1" | "2", number>;
  questionnaireId: number;
}

export async function createResultsFixture(): Promise<ResultsFixture> {
  const t = await createTestApp();
  const db = t.app.database.db;
  await db.insert(towns).values(FIXTURE_TOWNS);
  const rows = readFixtureRows();
  const communityCodes = [...new Set(rows.map((row) => `${row.town}|${row.community}`))];
  await db.insert(communities).values(
    communityCodes.map((key) => {
      const [townCode, code] = key.split("|") as [string, string];
      return { code, townCode, name: `${code}居委会`, kind: "residential" as const, population: 1000 };
    }),
  );
  await db
    .insert(townPopulationCells)
    .values(FIXTURE_CELLS.map(([townCode, sex, ageGroup, population]) => ({ townCode, sex, ageGroup, population })));
  const { id: questionnaireId } = await createQuestionnaire(db, {
    code: "results-test",
    title: "结果测试问卷",
    definition: FIXTURE_QUESTIONNAIRE,
  });
  const questionnaire = await loadQuestionnaireById(db, questionnaireId);
  const waveIds = {} as Record<"1" | "2", number>;
  for (const [key, year] of [
    ["1", 2025],
    ["2", 2026],
  ] as const) {
    const wave = await createWave(db, {
      code: `R-${year}`,
      title: `${year}年民生满意度调查`,
      year,
      questionnaireId,
      townCodes: FIXTURE_TOWNS.map((town) => town.code),
    });
    waveIds[key] = wave.id;
  }
  for (const row of rows) {
    await storeResponse(db, {
      waveId: waveIds[row.wave as "1" | "2"],
      questionnaire,
      communityCode: row.community,
      townCode: row.town,
      mode: "import",
      // Stand-ins for the keyed hashes of the ID number and phone, which exports must never carry.
      idHash: createHash("sha256").update(`id-${row.wave}-${row.number}`).digest("hex"),
      phoneHash: createHash("sha256").update(`phone-${row.wave}-${row.number}`).digest("hex"),
      sex: row.sex,
      ageGroup: row.age,
      registered: row.registered,
      counted: row.counted,
      answers: row.answers,
      submittedAt: new Date(Date.UTC(2025, 9, 1, 0, row.number)),
    });
  }
  const office = await signIn(t.app, "office");
  return { t, office, waveIds, questionnaireId };
}
