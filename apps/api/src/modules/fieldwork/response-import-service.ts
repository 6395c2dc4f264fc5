import type { SessionUser } from "@survey/contract";
import { ageGroups, normalizePhone, phoneProblemMessage } from "@survey/identity";
import { hashPii } from "@survey/identity/pii-hash";
import { answersFromImportRow, validateAnswers } from "@survey/questionnaire";
import { canAccessTown } from "../../platform/auth/scopes";
import { AppError } from "../../platform/errors";
import { withTransactionRetry } from "../../platform/transaction-retry";
import { invalidFile, missingColumns, type TableProblem, type UploadedTable } from "../../platform/uploads/table";
import { questionnaireOfWave, type StoredQuestionnaire } from "../questionnaires";
import { completeWithoutReservation, identifyById, respondedKeysAmong, storeResponse } from "../resident";
import { listWaveCommunities, type WaveRow } from "../waves";
import { type OfflinePerson, type PaperDeps, requireOpenWave } from "./paper-response-service";

const SEX_VALUES: Record<string, "male" | "female"> = {
  male: "male",
  female: "female",
  男: "male",
  女: "female",
  "1": "male",
  "2": "female",
};

interface PreparedRow {
  rowNumber: number;
  communityCode: string;
  townCode: string;
  person: OfflinePerson;
  answers: Record<string, unknown>;
}

/** Checks every row of an import; returns prepared rows or every problem found. */
function prepareImportRows(
  deps: PaperDeps,
  wave: WaveRow,
  user: SessionUser,
  questionnaire: StoredQuestionnaire,
  table: UploadedTable,
  communityTowns: Map<string, string>,
): { rows: PreparedRow[]; problems: TableProblem[] } {
  const problems: TableProblem[] = [...missingColumns(table, ["community_code"])];
  const rows: PreparedRow[] = [];
  const seenId = new Map<string, number>();
  const seenPhone = new Map<string, number>();
  for (const { rowNumber, values } of table.rows) {
    const rowProblems: TableProblem[] = [];
    const problem = (column: string, message: string) => rowProblems.push({ row: rowNumber, column, message });
    const communityCode = values.community_code?.trim() ?? "";
    const townCode = communityTowns.get(communityCode);
    if (!communityCode) problem("community_code", "缺少社区编码。");
    else if (!townCode) problem("community_code", `本次调查中没有社区“${communityCode}”。`);
    else if (!canAccessTown(user, townCode)) problem("community_code", "您无权录入这个街镇的问卷。");

    let person: OfflinePerson = {};
    const idNumber = values.id_number?.trim();
    const phoneText = values.phone?.trim();
    if (idNumber) {
      try {
        person = identifyById(deps.config, idNumber, { today: deps.now(), minAge: wave.minAge });
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        problem("id_number", error.message);
      }
    } else {
      const sexText = values.sex?.trim();
      const ageText = values.age_group?.trim();
      if (sexText && !SEX_VALUES[sexText]) problem("sex", "性别请填 男/女（或 male/female、1/2）。");
      if (ageText && !(ageGroups as readonly string[]).includes(ageText))
        problem("age_group", `年龄组请填 ${ageGroups.filter((group) => group !== "under-18").join("、")} 之一。`);
      person = { sex: sexText ? (SEX_VALUES[sexText] ?? null) : null, ageGroup: ageText || null };
    }
    if (phoneText) {
      const phone = normalizePhone(phoneText);
      if (!phone) problem("phone", phoneProblemMessage);
      else person.phoneHash = hashPii(deps.config.piiSecret, "phone", phone);
    }
    if (person.idHash) {
      const first = seenId.get(person.idHash);
      if (first) problem("id_number", `与第${first}行是同一个身份证号码。`);
      else seenId.set(person.idHash, rowNumber);
    }
    if (person.phoneHash) {
      const first = seenPhone.get(person.phoneHash);
      if (first) problem("phone", `与第${first}行是同一个手机号码。`);
      else seenPhone.set(person.phoneHash, rowNumber);
    }

    const parsedAnswers = answersFromImportRow(questionnaire.definition, values);
    if (!parsedAnswers.ok) {
      for (const item of parsedAnswers.problems) problem(item.column, item.message);
    } else {
      for (const item of validateAnswers(questionnaire.definition, parsedAnswers.answers, { complete: true })) {
        problem(item.question, item.message);
      }
    }
    if (rowProblems.length > 0 || !townCode || !parsedAnswers.ok) {
      problems.push(...rowProblems);
      continue;
    }
    rows.push({ rowNumber, communityCode, townCode, person, answers: parsedAnswers.answers });
  }
  return { rows, problems };
}

/**
 * `POST /api/admin/waves/:waveId/responses/import`: all or nothing. Every row is checked first (validation,
 * duplicates in the file and against stored responses); then all are stored in one transaction, each
 * counted only while its community and town have room (the others are kept with `counted: false`).
 */
export async function importResponses(deps: PaperDeps, user: SessionUser, waveId: number, table: UploadedTable) {
  const { db } = deps;
  const wave = await requireOpenWave(db, waveId, deps.now());
  const questionnaire = await questionnaireOfWave(db, wave);
  const communityTowns = new Map(
    (await listWaveCommunities(db, wave.id)).map((community) => [community.code, community.townCode]),
  );
  if (table.rows.length === 0) throw invalidFile([{ row: null, column: null, message: "文件中没有数据行。" }]);
  const { rows, problems } = prepareImportRows(deps, wave, user, questionnaire, table, communityTowns);

  const idHashes = rows.flatMap((row) => (row.person.idHash ? [row.person.idHash] : []));
  const phoneHashes = rows.flatMap((row) => (row.person.phoneHash ? [row.person.phoneHash] : []));
  if (idHashes.length + phoneHashes.length > 0) {
    const taken = await respondedKeysAmong(db, wave.id, { idHashes, phoneHashes });
    const takenIds = taken.idHashes;
    const takenPhones = taken.phoneHashes;
    for (const row of rows) {
      if (row.person.idHash && takenIds.has(row.person.idHash))
        problems.push({ row: row.rowNumber, column: "id_number", message: "这个身份证号码已经参加过本次调查。" });
      if (row.person.phoneHash && takenPhones.has(row.person.phoneHash))
        problems.push({ row: row.rowNumber, column: "phone", message: "这个手机号码已经参加过本次调查。" });
    }
  }
  if (problems.length > 0) throw invalidFile(problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0)));

  const now = deps.now();
  return withTransactionRetry(() =>
    db.transaction(async (tx) => {
      let counted = 0;
      for (const row of rows) {
        const claim = await completeWithoutReservation(tx, {
          waveId: wave.id,
          communityCode: row.communityCode,
          townCode: row.townCode,
        });
        if (claim.ok) counted++;
        await storeResponse(tx, {
          waveId: wave.id,
          questionnaire,
          communityCode: row.communityCode,
          townCode: row.townCode,
          mode: "import",
          idHash: row.person.idHash ?? null,
          phoneHash: row.person.phoneHash ?? null,
          sex: row.person.sex ?? null,
          birthYear: row.person.birthYear ?? null,
          ageGroup: row.person.ageGroup ?? null,
          registered: row.person.registered ?? null,
          counted: claim.ok,
          answers: row.answers,
          submittedAt: now,
          enteredBy: user.id,
        });
      }
      return { imported: rows.length, counted };
    }),
  );
}
