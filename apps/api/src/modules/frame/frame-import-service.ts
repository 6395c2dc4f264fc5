import type { FrameImportResult } from "@survey/contract";
import type { Database } from "@survey/db";
import type { TableProblem, UploadedTable } from "../../platform/uploads/table";
import { addMissingWaveCommunities, listWavesNotClosed } from "../waves";
import {
  type CommunityRecord,
  communityTownCodes,
  lockFrame,
  removeUnlistedCommunities,
  type TownRecord,
  upsertCommunities,
  upsertTowns,
} from "./data/frame";
import { type ColumnSpec, RowReader, rejectIfProblems, requireRows, resolveColumns } from "./frame-table";

/** Sampling-frame imports (SPEC §3a): towns and their communities, all or nothing. */

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

const TOWN_KINDS: Record<string, TownRecord["kind"]> = { street: "street", 街道: "street", town: "town", 镇: "town" };
const COMMUNITY_KINDS: Record<string, CommunityRecord["kind"]> = {
  residential: "residential",
  居委会: "residential",
  village: "village",
  村委会: "village",
};
interface ParsedFrame {
  towns: TownRecord[];
  communities: (CommunityRecord & { rowNumber: number })[];
}

/** Checks every row on its own and against the other rows of the file. */
function parseFrameTable(table: UploadedTable, problems: TableProblem[]): ParsedFrame {
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
