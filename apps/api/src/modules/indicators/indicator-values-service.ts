import {
  DISTRICT_UNIT,
  type IndicatorUploadProblem,
  type IndicatorUploadResult,
  type IndicatorValuesTable,
  type SessionUser,
} from "@survey/contract";
import type { Database } from "@survey/db";
import { domainName, indicatorValueProblem, isDomainCode } from "@survey/indices";
import { InvalidFileError } from "../../platform/errors";
import {
  type IndicatorRow,
  listIndicators,
  listTownUnits,
  listValues,
  type StoredValue,
  upsertValues,
} from "./data/indicators";
import { sortByDomain, toIndicator, userDomains } from "./indicator-catalogue-service";
import { DISTRICT_NAME } from "./indicator-template-layout";
import type { CellLocation, IndicatorUpload, ValueEntry } from "./indicator-upload-reader";

/** A file with more problems than this lists the first ones and the total. */
const MAX_LISTED_PROBLEMS = 1000;

/** Decimal text as people type it: optional sign, thousands separators, exponent. */
function parseDecimal(text: string): number | null {
  let compact = text.replace(/\s/g, "");
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(compact)) compact = compact.replaceAll(",", "");
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(compact)) return null;
  const value = Number(compact);
  return Number.isFinite(value) ? value : null;
}

function where(at: CellLocation): string {
  const sheet = at.sheet ? `“${at.sheet}”表` : "";
  return `${sheet}第${at.row}行${at.sheet ? `${at.column}列` : ""}`;
}

/**
 * Checks every supplied value (unknown indicator or town, indicator outside a department user's domains,
 * district-only indicator on a town row, non-numeric, out of the plausible range, the same cell twice) and
 * writes them all in one transaction, or nothing: any problem is a 422 `invalid_file` listing every one.
 */
export async function importIndicatorValues(
  db: Database,
  user: SessionUser,
  upload: IndicatorUpload,
  now: Date,
): Promise<IndicatorUploadResult> {
  const indicators = new Map((await listIndicators(db)).map((row) => [row.code, row]));
  const towns = new Map((await listTownUnits(db)).map((town) => [town.code, town.name]));
  const allowed = userDomains(user);
  const problems: IndicatorUploadProblem[] = [...upload.problems];
  const reported = new Set<string>();
  const report = (at: CellLocation, message: string) => {
    const key = `${at.sheet}|${at.row}|${at.column}|${message}`;
    if (reported.has(key)) return;
    reported.add(key);
    problems.push({ sheet: at.sheet, row: at.row, column: at.column, message });
  };
  const seen = new Map<string, CellLocation>();
  const accepted: StoredValue[] = [];

  for (const entry of upload.entries) {
    const indicator = indicators.get(entry.indicatorCode);
    if (!indicator) {
      report(
        entry.indicatorAt,
        entry.indicatorCode === "" ? "缺少指标代码。" : `未知的指标代码“${entry.indicatorCode}”。`,
      );
      continue;
    }
    if (!allowed.has(indicator.domain)) {
      const domain = isDomainCode(indicator.domain) ? domainName(indicator.domain) : indicator.domain;
      report(entry.indicatorAt, `您的账号只能填报本部门负责领域的指标，“${indicator.name}”属于“${domain}”领域。`);
      continue;
    }
    const unitName = entry.unitCode === DISTRICT_UNIT ? DISTRICT_NAME : towns.get(entry.unitCode);
    if (unitName === undefined) {
      report(entry.unitAt, entry.unitCode === "" ? "缺少街镇代码。" : `未知的街镇代码“${entry.unitCode}”。`);
      continue;
    }
    if (indicator.level === "district" && entry.unitCode !== DISTRICT_UNIT) {
      report(entry.valueAt, `“${indicator.name}”只统计全区数据，请填在全区（${DISTRICT_UNIT}）一行。`);
      continue;
    }
    if (entry.year === null) continue;
    const key = `${indicator.code}|${entry.unitCode}|${entry.year}`;
    const first = seen.get(key);
    if (first) {
      report(
        entry.valueAt,
        `重复：${unitName}${entry.year}年的“${indicator.name}”已在${where(first)}填写，每个数值只能填一次。`,
      );
      continue;
    }
    seen.set(key, entry.valueAt);
    const value = readValue(entry, indicator, report);
    if (value !== null)
      accepted.push({ indicatorCode: indicator.code, townCode: entry.unitCode, year: entry.year, value });
  }

  if (problems.length > 0) {
    throw new InvalidFileError(
      { details: problems.slice(0, MAX_LISTED_PROBLEMS), problemCount: problems.length },
      `文件中有${problems.length}处错误，整个文件没有导入，请修改后重新上传。`,
    );
  }
  if (accepted.length === 0) {
    const message = "文件中没有任何指标数值，没有导入。";
    throw new InvalidFileError(
      { details: [{ sheet: null, row: null, column: null, message }], problemCount: 1 },
      message,
    );
  }
  await db.transaction((tx) => upsertValues(tx, accepted, now, user.id));
  return {
    imported: accepted.length,
    years: [...new Set(accepted.map((v) => v.year))].sort((a, b) => a - b),
    indicators: new Set(accepted.map((v) => v.indicatorCode)).size,
    units: new Set(accepted.map((v) => v.townCode)).size,
  };
}

function readValue(
  entry: ValueEntry,
  indicator: IndicatorRow,
  report: (at: CellLocation, message: string) => void,
): number | null {
  const { text, number, percentFormat } = entry.value;
  if (text === "" && number === null) {
    report(entry.valueAt, `缺少“${indicator.name}”的数值。`);
    return null;
  }
  if (percentFormat) {
    report(
      entry.valueAt,
      `请直接填写数字（如 95），不要把单元格设为百分比格式：Excel 会把 95% 存成 0.95（“${indicator.name}”）。`,
    );
    return null;
  }
  const value = number ?? parseDecimal(text);
  if (value === null) {
    report(entry.valueAt, `“${indicator.name}”的取值“${text}”不是数字。`);
    return null;
  }
  const problem = indicatorValueProblem(toIndicator(indicator), value);
  if (problem) {
    report(entry.valueAt, problem);
    return null;
  }
  return value;
}

/** Stored values of a year as a table: towns, then the district row; a department user sees only its domains. */
export async function valuesTable(db: Database, user: SessionUser, year: number): Promise<IndicatorValuesTable> {
  const allowed = userDomains(user);
  const indicators = sortByDomain((await listIndicators(db)).filter((row) => allowed.has(row.domain)));
  const codes = new Set(indicators.map((row) => row.code));
  const values = (await listValues(db, [year])).filter((value) => codes.has(value.indicatorCode));
  const towns = await listTownUnits(db);
  const units = [
    ...towns.map((town) => ({ code: town.code, name: town.name })),
    { code: DISTRICT_UNIT, name: DISTRICT_NAME },
  ];
  const byUnit = new Map<string, Record<string, number | null>>(
    units.map((unit) => [unit.code, Object.fromEntries(indicators.map((row) => [row.code, null]))]),
  );
  let count = 0;
  for (const value of values) {
    const row = byUnit.get(value.townCode);
    if (!row) continue;
    row[value.indicatorCode] = value.value;
    count += 1;
  }
  return {
    year,
    indicators: indicators.map(({ code, name, domain, unit, level }) => ({ code, name, domain, unit, level })),
    rows: units.map((unit) => ({ unitCode: unit.code, unitName: unit.name, values: byUnit.get(unit.code) ?? {} })),
    count,
  };
}
