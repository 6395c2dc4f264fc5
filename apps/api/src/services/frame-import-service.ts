import type { Database } from "@survey/db";
import { ageGroups } from "@survey/identity";
import {
  type CommunityRecord,
  communityTownCodes,
  existingTownCodes,
  listFrameTowns,
  listPopulationCells,
  listTownCommunities,
  lockFrame,
  type PopulationCellRecord,
  removeUnlistedCommunities,
  replacePopulationCells,
  type TownRecord,
  upsertCommunities,
  upsertTowns,
} from "../data/frame";
import { addMissingWaveCommunities, listWavesNotClosed } from "../data/waves";
import { UnknownTownError } from "../platform/errors";
import { invalidFile, type TableProblem, type TableRow, type UploadedTable } from "../platform/uploads/table";

/**
 * Sampling-frame imports (SPEC §3a). A file is all or nothing: every problem of every row is collected
 * and reported together, and nothing is written unless there are none.
 */

/** A column: its name in the file (English, or the Chinese label of the template) and how to read it. */
interface ColumnSpec {
  name: string;
  label: string;
}

const FRAME_COLUMNS = {
  townCode: { name: "town_code", label: "街镇代码" },
  townName: { name: "town_name", label: "街镇名称" },
  townKind: { name: "town_kind", label: "街镇类型" },
  townPopulation: { name: "town_population", label: "街镇人口" },
  communityCode: { name: "community_code", label: "社区代码" },
  communityName: { name: "community_name", label: "社区名称" },
  communityKind: { name: "community_kind", label: "社区类型" },
  communityPopulation: { name: "community_population", label: "社区人口" },
} satisfies Record<string, ColumnSpec>;

const CELL_COLUMNS = {
  townCode: { name: "town_code", label: "街镇代码" },
  sex: { name: "sex", label: "性别" },
  ageGroup: { name: "age_group", label: "年龄组" },
  population: { name: "population", label: "人口" },
} satisfies Record<string, ColumnSpec>;

const TOWN_KINDS: Record<string, TownRecord["kind"]> = { street: "street", 街道: "street", town: "town", 镇: "town" };
const COMMUNITY_KINDS: Record<string, CommunityRecord["kind"]> = {
  residential: "residential",
  居委会: "residential",
  village: "village",
  村委会: "village",
};
const SEXES: Record<string, PopulationCellRecord["sex"]> = { male: "male", 男: "male", female: "female", 女: "female" };

const CODE_PATTERN = /^[0-9A-Za-z_-]{1,40}$/;
const MAX_NAME_LENGTH = 100;
/** No town of any Chinese district has a hundred million people; a bigger figure is a typing slip. */
const MAX_POPULATION = 100_000_000;
/** A file with more problems than this is listed up to here, with the total count. */
const MAX_LISTED_PROBLEMS = 1000;

type Columns<K extends string> = Record<K, ColumnSpec>;

/** Reads the cells of one row, recording a problem for each that is missing or malformed. */
class RowReader<K extends string> {
  constructor(
    private readonly row: TableRow,
    private readonly columns: Columns<K>,
    private readonly headerNames: Record<K, string | undefined>,
    private readonly problems: TableProblem[],
  ) {}

  private report(key: K, message: string): undefined {
    this.problems.push({ row: this.row.rowNumber, column: this.columns[key].name, message });
    return undefined;
  }

  /** The trimmed cell, or undefined (with a problem) when it is empty; undefined silently when the column is absent. */
  text(key: K): string | undefined {
    const header = this.headerNames[key];
    if (header === undefined) return undefined;
    const value = this.row.values[header] ?? "";
    if (value === "") return this.report(key, `${this.columns[key].label}不能为空。`);
    return value;
  }

  code(key: K): string | undefined {
    const value = this.text(key);
    if (value === undefined) return undefined;
    if (!CODE_PATTERN.test(value)) {
      return this.report(key, `${this.columns[key].label}“${value}”只能由字母、数字、“-”和“_”组成，最长40个字符。`);
    }
    return value;
  }

  name(key: K): string | undefined {
    const value = this.text(key);
    if (value !== undefined && value.length > MAX_NAME_LENGTH) {
      return this.report(key, `${this.columns[key].label}太长了（最多${MAX_NAME_LENGTH}个字）。`);
    }
    return value;
  }

  oneOf<T>(key: K, allowed: Record<string, T>, expected: string): T | undefined {
    const value = this.text(key);
    if (value === undefined) return undefined;
    const mapped = allowed[value] ?? allowed[value.toLowerCase()];
    if (mapped === undefined)
      return this.report(key, `${this.columns[key].label}“${value}”无法识别，应为${expected}。`);
    return mapped;
  }

  /** A count of people: a whole number ≥ 0; thousands separators and a ".0" from a spreadsheet are fine. */
  count(key: K): number | undefined {
    const value = this.text(key);
    if (value === undefined) return undefined;
    const label = this.columns[key].label;
    const plain = /^\d{1,3}(,\d{3})+$/.test(value) ? value.replaceAll(",", "") : value.replace(/\.0+$/, "");
    if (/^-\s*\d/.test(value)) return this.report(key, `${label}不能是负数（现在是“${value}”）。`);
    if (/^\d+\.\d+$/.test(plain)) return this.report(key, `${label}应为整数（现在是“${value}”）。`);
    if (!/^\d+$/.test(plain)) return this.report(key, `${label}应为数字（现在是“${value}”）。`);
    const number = Number(plain);
    if (number > MAX_POPULATION) return this.report(key, `${label}“${value}”不合理（超过1亿）。`);
    return number;
  }
}

/** Finds each expected column in the header (by name, case-insensitive, or by its Chinese label). */
function resolveColumns<K extends string>(
  table: UploadedTable,
  columns: Columns<K>,
  problems: TableProblem[],
): Record<K, string | undefined> {
  const byKey = new Map(table.header.map((header) => [header.toLowerCase(), header]));
  const resolved = {} as Record<K, string | undefined>;
  for (const key of Object.keys(columns) as K[]) {
    const { name, label } = columns[key];
    const header = byKey.get(name) ?? byKey.get(label);
    if (header === undefined) {
      problems.push({ row: table.headerRow, column: name, message: `缺少“${name}”（${label}）这一列。` });
    }
    resolved[key] = header;
  }
  return resolved;
}

function requireRows(table: UploadedTable, problems: TableProblem[]): void {
  if (table.rows.length === 0) problems.push({ row: null, column: null, message: "文件中只有表头，没有数据行。" });
}

function rejectIfProblems(problems: TableProblem[]): void {
  if (problems.length === 0) return;
  const sorted = [...problems].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  const listed = sorted.slice(0, MAX_LISTED_PROBLEMS);
  const message =
    sorted.length > listed.length
      ? `文件中有${sorted.length}处错误（下面列出前${listed.length}处），整个文件没有导入，请修改后重新上传。`
      : `文件中有${sorted.length}处错误，整个文件没有导入，请修改后重新上传。`;
  throw invalidFile(listed, message, { problemCount: sorted.length });
}

// ---------------------------------------------------------------- towns and communities

interface ParsedFrame {
  towns: TownRecord[];
  communities: (CommunityRecord & { rowNumber: number })[];
}

/** Checks every row on its own and against the other rows of the file. */
export function parseFrameTable(table: UploadedTable, problems: TableProblem[]): ParsedFrame {
  const headers = resolveColumns(table, FRAME_COLUMNS, problems);
  const towns = new Map<string, TownRecord & { rowNumber: number }>();
  const communities = new Map<string, CommunityRecord & { rowNumber: number }>();
  for (const row of table.rows) {
    const read = new RowReader(row, FRAME_COLUMNS, headers, problems);
    const town = {
      code: read.code("townCode"),
      name: read.name("townName"),
      kind: read.oneOf("townKind", TOWN_KINDS, "street/街道 或 town/镇"),
      population: read.count("townPopulation"),
    };
    const community = {
      code: read.code("communityCode"),
      name: read.name("communityName"),
      kind: read.oneOf("communityKind", COMMUNITY_KINDS, "residential/居委会 或 village/村委会"),
      population: read.count("communityPopulation"),
    };
    if (town.code !== undefined) {
      const first = towns.get(town.code);
      if (first) {
        // The same town on several rows must be described the same way on each.
        const report = (column: string, label: string, before: string, now: string | undefined) => {
          if (now !== undefined && before !== now) {
            problems.push({
              row: row.rowNumber,
              column,
              message: `街镇“${town.code}”的${label}“${now}”与第${first.rowNumber}行的“${before}”不一致。`,
            });
          }
        };
        const kindLabel = (kind: TownRecord["kind"] | undefined) =>
          kind === undefined ? undefined : kind === "street" ? "街道" : "镇";
        report("town_name", "名称", first.name, town.name);
        report("town_kind", "类型", kindLabel(first.kind) ?? "", kindLabel(town.kind));
        report("town_population", "人口", String(first.population), town.population?.toString());
      } else if (town.name !== undefined && town.kind !== undefined && town.population !== undefined) {
        towns.set(town.code, {
          code: town.code,
          name: town.name,
          kind: town.kind,
          population: town.population,
          rowNumber: row.rowNumber,
        });
      }
    }
    if (community.code !== undefined) {
      const first = communities.get(community.code);
      if (first) {
        problems.push({
          row: row.rowNumber,
          column: "community_code",
          message: `社区代码“${community.code}”重复，第${first.rowNumber}行已经有这个代码。`,
        });
      } else if (
        town.code !== undefined &&
        community.name !== undefined &&
        community.kind !== undefined &&
        community.population !== undefined
      ) {
        communities.set(community.code, {
          code: community.code,
          townCode: town.code,
          name: community.name,
          kind: community.kind,
          population: community.population,
          rowNumber: row.rowNumber,
        });
      }
    }
  }
  return {
    towns: [...towns.values()].map(({ rowNumber: _, ...town }) => town),
    communities: [...communities.values()],
  };
}

export interface FrameImportResult {
  /** Towns and communities in the file (inserted or updated). */
  towns: number;
  communities: number;
  /** Communities of the file's towns that the file no longer lists and that were deleted. */
  removedCommunities: string[];
  /** Unlisted communities kept because a wave has quota rows for them. */
  retainedCommunities: string[];
}

/**
 * Inserts or updates the file's towns and communities in one transaction. Existing waves keep their
 * quota rows and counts; communities new to a town taking part in a draft or open wave get quota rows.
 */
export async function importFrame(db: Database, table: UploadedTable, now: Date): Promise<FrameImportResult> {
  const problems: TableProblem[] = [];
  const parsed = parseFrameTable(table, problems);
  requireRows(table, problems);
  return db.transaction(async (tx) => {
    await lockFrame(tx);
    const owners = await communityTownCodes(tx);
    for (const community of parsed.communities) {
      const owner = owners.get(community.code);
      if (owner !== undefined && owner !== community.townCode) {
        problems.push({
          row: community.rowNumber,
          column: "community_code",
          message: `社区代码“${community.code}”在现有抽样框中属于街镇“${owner}”，不能改属“${community.townCode}”。`,
        });
      }
    }
    rejectIfProblems(problems);
    const sortedTowns = [...parsed.towns].sort((a, b) => a.code.localeCompare(b.code));
    const sortedCommunities = parsed.communities
      .map(({ rowNumber: _, ...community }) => community)
      .sort((a, b) => a.code.localeCompare(b.code));
    await upsertTowns(tx, sortedTowns, now);
    await upsertCommunities(tx, sortedCommunities, now);
    const { removed, retained } = await removeUnlistedCommunities(
      tx,
      sortedTowns.map((town) => town.code),
      sortedCommunities.map((community) => community.code),
    );
    for (const wave of await listWavesNotClosed(tx)) {
      await addMissingWaveCommunities(tx, wave.id, wave.communityCap);
    }
    return {
      towns: sortedTowns.length,
      communities: sortedCommunities.length,
      removedCommunities: removed,
      retainedCommunities: retained,
    };
  });
}

// ---------------------------------------------------------------- population by sex × age group

const AGE_GROUP_LIST = ageGroups.join("、");

/** Replaces the post-stratification cells of every town in the file; all or nothing like the frame. */
export async function importPopulationCells(
  db: Database,
  table: UploadedTable,
): Promise<{ towns: number; cells: number }> {
  const problems: TableProblem[] = [];
  const headers = resolveColumns(table, CELL_COLUMNS, problems);
  requireRows(table, problems);
  const cells: (PopulationCellRecord & { rowNumber: number })[] = [];
  const seen = new Map<string, number>();
  for (const row of table.rows) {
    const read = new RowReader(row, CELL_COLUMNS, headers, problems);
    const townCode = read.code("townCode");
    const sex = read.oneOf("sex", SEXES, "male/男 或 female/女");
    const ageGroup = read.oneOf(
      "ageGroup",
      Object.fromEntries(ageGroups.map((group) => [group, group])),
      AGE_GROUP_LIST,
    );
    const population = read.count("population");
    if (townCode === undefined || sex === undefined || ageGroup === undefined || population === undefined) continue;
    const key = `${townCode}|${sex}|${ageGroup}`;
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push({
        row: row.rowNumber,
        column: "age_group",
        message: `街镇“${townCode}”的${sex === "male" ? "男性" : "女性"}${ageGroup}组重复，第${first}行已经有这一格。`,
      });
      continue;
    }
    seen.set(key, row.rowNumber);
    cells.push({ townCode, sex, ageGroup, population, rowNumber: row.rowNumber });
  }
  return db.transaction(async (tx) => {
    await lockFrame(tx);
    const known = await existingTownCodes(tx, [...new Set(cells.map((cell) => cell.townCode))]);
    for (const cell of cells) {
      if (!known.has(cell.townCode)) {
        problems.push({
          row: cell.rowNumber,
          column: "town_code",
          message: `街镇代码“${cell.townCode}”不在抽样框中，请先导入街镇和社区。`,
        });
      }
    }
    rejectIfProblems(problems);
    await replacePopulationCells(
      tx,
      cells.map(({ rowNumber: _, ...cell }) => cell),
    );
    return { towns: new Set(cells.map((cell) => cell.townCode)).size, cells: cells.length };
  });
}

// ---------------------------------------------------------------- reading the frame

export async function frameOverview(db: Database) {
  const towns = await listFrameTowns(db);
  return {
    towns: towns.map((town) => ({ ...town, updatedAt: town.updatedAt.toISOString() })),
    totals: {
      towns: towns.length,
      communities: towns.reduce((sum, town) => sum + town.communityCount, 0),
      population: towns.reduce((sum, town) => sum + town.population, 0),
    },
  };
}

export async function townFrame(db: Database, townCode: string) {
  const town = (await listFrameTowns(db)).find((candidate) => candidate.code === townCode);
  if (!town) throw new UnknownTownError({}, "抽样框中没有这个街镇。");
  return {
    ...town,
    updatedAt: town.updatedAt.toISOString(),
    communities: await listTownCommunities(db, townCode),
    populationCells: await listPopulationCells(db, townCode),
  };
}
