/**
 * Priorities for improvement (STATISTICS §6) and the annual report's generation jobs (SPEC §4 "Annual report").
 */
import { type Static, Type } from "typebox";
import { Weighting } from "./results";

const NullableNumber = Type.Union([Type.Number(), Type.Null()]);

export const PriorityQuadrant = Type.Union(
  [Type.Literal("improve"), Type.Literal("maintain"), Type.Literal("secondary"), Type.Literal("keep")],
  { description: "improve 优先改进 / maintain 继续保持 / secondary 次要改进 / keep 维持即可" },
);
export type PriorityQuadrant = Static<typeof PriorityQuadrant>;

export const PriorityItem = Type.Object({
  question: Type.String(),
  title: Type.String(),
  dimension: Type.String(),
  /** Design-weighted Pearson r of the item with the mean of the respondent's other items; null when undefined. */
  importance: NullableNumber,
  /** The item's mean score (0–100), as the results endpoint gives it. */
  performance: NullableNumber,
  quadrant: Type.Union([PriorityQuadrant, Type.Null()]),
});
export type PriorityItem = Static<typeof PriorityItem>;

export const PriorityArea = Type.Object({
  /** The quadrant split: means over the items with both figures. */
  means: Type.Union([Type.Object({ importance: Type.Number(), performance: Type.Number() }), Type.Null()]),
  items: Type.Array(PriorityItem),
  /** 优先改进 items, most important first. */
  improve: Type.Array(Type.String()),
});
export type PriorityArea = Static<typeof PriorityArea>;

/** `GET /api/admin/waves/:waveId/priorities[?poststratify=true]` → 200 (office, admin). */
export const WavePriorities = Type.Object({
  wave: Type.Object({ id: Type.Integer(), code: Type.String(), title: Type.String(), year: Type.Integer() }),
  weighting: Weighting,
  district: PriorityArea,
  towns: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), ...PriorityArea.properties })),
});
export type WavePriorities = Static<typeof WavePriorities>;

export const ReportKind = Type.Union([Type.Literal("district"), Type.Literal("town"), Type.Literal("towns")], {
  description: "district 全区报告 / town 一个街镇的报告卡 / towns 所有街镇报告卡（zip）",
});
export type ReportKind = Static<typeof ReportKind>;

/** `GET /api/admin/waves/:waveId/report-build?kind=&town=`: what to generate, streamed with its progress. */
export const ReportBuildQuery = Type.Object(
  { kind: ReportKind, town: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })) },
  { additionalProperties: false },
);
export type ReportBuildQuery = Static<typeof ReportBuildQuery>;

/** One line of the build's NDJSON stream. */
export type ReportBuildEvent =
  | { type: "progress"; done: number; total: number; step: string }
  | { type: "file"; fileName: string; contentType: string; base64: string }
  | { type: "error"; error: string; message: string };

export const DocxFile = Type.Unknown({ description: "Word 文件（docx）" });
export const ReportBuildStream = Type.Unknown({ description: "application/x-ndjson：进度行和最后的文件（base64）" });
