/** The sampling frame (admin; office and staff read it): towns, communities and their population. */
import { type Static, Type } from "typebox";

/** `POST /api/admin/frame/import` → 200. */
export const FrameImportResult = Type.Object({
  towns: Type.Integer({ description: "文件中的街镇数（新增或更新）" }),
  communities: Type.Integer({ description: "文件中的社区数（新增或更新）" }),
  removedCommunities: Type.Array(Type.String(), { description: "文件不再列出、已删除的社区代码" }),
  retainedCommunities: Type.Array(Type.String(), {
    description: "文件不再列出、但已有调查配额因而保留的社区代码",
  }),
});
export type FrameImportResult = Static<typeof FrameImportResult>;

/** `POST /api/admin/frame/population` → 200. */
export const PopulationImportResult = Type.Object({
  towns: Type.Integer(),
  cells: Type.Integer({ description: "性别 × 年龄组人口格数" }),
});
export type PopulationImportResult = Static<typeof PopulationImportResult>;

const TownKind = Type.Union([Type.Literal("street"), Type.Literal("town")]);

export const FrameTown = Type.Object({
  code: Type.String(),
  name: Type.String(),
  kind: TownKind,
  population: Type.Integer(),
  demo: Type.Boolean({ description: "演示数据，不是正式数字" }),
  communityCount: Type.Integer(),
  residentialCount: Type.Integer(),
  villageCount: Type.Integer(),
  communityPopulation: Type.Integer({ description: "各社区人口之和" }),
  populationCells: Type.Integer({ description: "性别 × 年龄组人口格数" }),
  updatedAt: Type.String({ format: "date-time" }),
});
export type FrameTown = Static<typeof FrameTown>;

/** `GET /api/admin/frame` → 200. */
export const FrameOverview = Type.Object({
  towns: Type.Array(FrameTown),
  totals: Type.Object({ towns: Type.Integer(), communities: Type.Integer(), population: Type.Integer() }),
});
export type FrameOverview = Static<typeof FrameOverview>;

/** A community as the frame holds it (the waves' quota rows show the same, with their cap and fill). */
export const communityFields = {
  code: Type.String(),
  name: Type.String(),
  kind: Type.Union([Type.Literal("residential"), Type.Literal("village")]),
  population: Type.Integer(),
};

/** `GET /api/admin/frame/towns/:townCode` → 200; 404 `unknown_town`. */
export const TownFrameDetail = Type.Object({
  ...FrameTown.properties,
  communities: Type.Array(
    Type.Object({
      ...communityFields,
      demo: Type.Boolean(),
    }),
  ),
  populationCells: Type.Array(
    Type.Object({
      sex: Type.Union([Type.Literal("male"), Type.Literal("female")]),
      ageGroup: Type.String(),
      population: Type.Integer(),
    }),
  ),
});
export type TownFrameDetail = Static<typeof TownFrameDetail>;

export const TownCodeParams = Type.Object({ townCode: Type.String({ maxLength: 40 }) });
