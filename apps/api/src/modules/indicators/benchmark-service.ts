import { type BenchmarkImportResult, type BenchmarkReport, DISTRICT_UNIT } from "@survey/contract";
import type { Database } from "@survey/db";
import { benchmarkDistricts, DOMAINS, indicatorValueProblem } from "@survey/indices";
import { invalidFile, missingColumns, type TableProblem, type UploadedTable } from "../../platform/uploads/table";
import { listBenchmarks, type NewBenchmarkRow, upsertBenchmarks } from "./data/benchmarks";
import { listIndicators, listValues } from "./data/indicators";
import { sortByDomain, toIndicator } from "./indicator-catalogue-service";

const COLUMNS = ["district_code", "district_name", "indicator_code", "year", "value"] as const;
/** The district's own figures stand under this name beside the siblings. */
const OWN_NAME = "本区";
const CODE_PATTERN = /^[A-Za-z0-9_-]{1,40}$/;

/**
 * Other districts' values (CSV/XLSX `district_code, district_name, indicator_code, year, value`), checked row by
 * row — unknown indicator, bad year or value, a value outside the indicator's plausible range, one district code
 * with two names, the same cell twice — and stored all together or not at all (422 `invalid_file` with every
 * problem).
 */
export async function importBenchmarks(
  db: Database,
  table: UploadedTable,
  now: Date,
  demo = false,
): Promise<BenchmarkImportResult> {
  const indicators = new Map((await listIndicators(db)).map((row) => [row.code, row]));
  const problems: TableProblem[] = [...missingColumns(table, COLUMNS)];
  if (problems.length > 0) throw invalidFile(problems, "文件缺少必需的列，整个文件没有导入。");
  const names = new Map<string, string>();
  const seen = new Map<string, number>();
  const rows: NewBenchmarkRow[] = [];
  for (const { rowNumber, values } of table.rows) {
    const problem = (column: string, message: string) => problems.push({ row: rowNumber, column, message });
    const districtCode = values.district_code ?? "";
    const districtName = values.district_name ?? "";
    const indicator = indicators.get(values.indicator_code ?? "");
    const year = Number(values.year);
    const value = Number((values.value ?? "").replaceAll(",", ""));
    let ok = true;
    if (!CODE_PATTERN.test(districtCode) || districtCode === DISTRICT_UNIT) {
      problem("district_code", `区代码“${districtCode}”无效（字母、数字、下划线或连字符，不能是 ${DISTRICT_UNIT}）。`);
      ok = false;
    }
    if (districtName === "") {
      problem("district_name", "缺少区名称。");
      ok = false;
    } else if (names.has(districtCode) && names.get(districtCode) !== districtName) {
      problem(
        "district_name",
        `区代码“${districtCode}”前面写的是“${names.get(districtCode)}”，这里是“${districtName}”。`,
      );
      ok = false;
    }
    if (!indicator) {
      problem("indicator_code", `未知的指标代码“${values.indicator_code ?? ""}”。`);
      ok = false;
    }
    if (!/^\d{4}$/.test(values.year ?? "") || year < 2000 || year > 2100) {
      problem("year", `年份“${values.year ?? ""}”无效，应为四位数字。`);
      ok = false;
    }
    if ((values.value ?? "") === "" || !Number.isFinite(value)) {
      problem("value", `数值“${values.value ?? ""}”不是数字。`);
      ok = false;
    } else if (indicator) {
      const outOfRange = indicatorValueProblem(toIndicator(indicator), value);
      if (outOfRange) {
        problem("value", outOfRange);
        ok = false;
      }
    }
    if (!ok || !indicator) continue;
    names.set(districtCode, districtName);
    const key = `${districtCode}|${indicator.code}|${year}`;
    const first = seen.get(key);
    if (first !== undefined) {
      problem("value", `重复：第${first}行已填写${districtName}${year}年的“${indicator.name}”。`);
      continue;
    }
    seen.set(key, rowNumber);
    rows.push({ districtCode, districtName, indicatorCode: indicator.code, year, value, demo, importedAt: now });
  }
  if (problems.length > 0) {
    throw invalidFile(problems, `文件中有${problems.length}处错误，整个文件没有导入，请修改后重新上传。`);
  }
  if (rows.length === 0) throw invalidFile([{ row: null, column: null, message: "文件中没有数据行。" }]);
  await db.transaction((tx) => upsertBenchmarks(tx, rows));
  return { districts: names.size, values: rows.length };
}

/**
 * The district among its siblings for a year (STATISTICS §8): per indicator with the district's own figure or a
 * sibling's, its rank and gap to their mean; per domain and composite on the district's own normalisation.
 */
export async function benchmarkReport(db: Database, year: number): Promise<BenchmarkReport> {
  const [rows, siblings, own] = await Promise.all([
    listIndicators(db),
    listBenchmarks(db, year),
    listValues(db, [year]),
  ]);
  const districts = new Map<string, { code: string; name: string; demo: boolean }>();
  for (const row of siblings)
    districts.set(row.districtCode, { code: row.districtCode, name: row.districtName, demo: row.demo });
  const compared = new Set(siblings.map((row) => row.indicatorCode));
  const indicatorRows = sortByDomain(rows).filter((row) => compared.has(row.code));
  const values = [
    ...own.filter((v) => v.townCode === DISTRICT_UNIT && compared.has(v.indicatorCode)),
    ...siblings.map((row) => ({
      indicatorCode: row.indicatorCode,
      townCode: row.districtCode,
      year,
      value: row.value,
    })),
  ];
  const codes = [...districts.keys()].sort();
  const result = benchmarkDistricts({
    indicators: indicatorRows.map(toIndicator),
    values,
    year,
    ownCode: DISTRICT_UNIT,
    siblings: codes,
  });
  const rawOf = (indicatorCode: string) =>
    Object.fromEntries(
      [DISTRICT_UNIT, ...codes].map((code) => [
        code,
        values.find((v) => v.indicatorCode === indicatorCode && v.townCode === code)?.value ?? null,
      ]),
    );
  return {
    year,
    ownName: OWN_NAME,
    districts: codes.map((code) => districts.get(code) as { code: string; name: string; demo: boolean }),
    indicators: indicatorRows.map((row) => {
      const { scores: _scores, ...position } = result.indicators[row.code] ?? {
        own: null,
        rank: null,
        of: 0,
        othersMean: null,
        gap: null,
        ahead: null,
        scores: {},
      };
      return {
        code: row.code,
        name: row.name,
        domain: row.domain,
        unit: row.unit,
        direction: row.direction,
        ...position,
        values: rawOf(row.code),
      };
    }),
    domains: DOMAINS.flatMap((domain) => {
      const position = result.domains[domain.code];
      return position ? [{ code: domain.code, name: domain.name, ...position }] : [];
    }),
    composite: result.composite,
  };
}
