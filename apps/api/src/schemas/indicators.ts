import { DOMAIN_CODES } from "@survey/indices";
import { Type } from "typebox";

const NullableFinite = Type.Union([Type.Number({ minimum: -1e15, maximum: 1e15 }), Type.Null()]);

const Domain = Type.Union(
  DOMAIN_CODES.map((code) => Type.Literal(code)),
  { description: "领域代码（与问卷题目的 domain 相同）" },
);
const Direction = Type.Union([Type.Literal("positive"), Type.Literal("negative"), Type.Literal("interval")], {
  description: "positive 正向（越大越好）/ negative 逆向（越小越好）/ interval 区间型（在最优区间内最好）",
});
const Level = Type.Union([Type.Literal("town"), Type.Literal("district")], {
  description: "town 街镇级（进入街镇指数）/ district 仅全区",
});
const Method = Type.Union([Type.Literal("threshold"), Type.Literal("target"), Type.Literal("minmax")], {
  description: "threshold 阈值法（L、U）/ target 目标值法（T）/ minmax 极差法（只反映当年相对位置）",
});
const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength, pattern: "\\S" });

const editable = {
  name: Text(100),
  domain: Domain,
  unit: Text(20),
  direction: Direction,
  level: Level,
  method: Method,
  lower: NullableFinite,
  upper: NullableFinite,
  target: NullableFinite,
  intervalLow: NullableFinite,
  intervalHigh: NullableFinite,
  minValue: NullableFinite,
  maxValue: NullableFinite,
  weight: Type.Number({ minimum: 0, maximum: 1000 }),
  department: Text(60),
};

export const IndicatorCodeParams = Type.Object({ code: Type.String({ maxLength: 60 }) });

export const NewIndicatorBody = Type.Object(
  {
    code: Type.String({ pattern: "^[a-z][a-z0-9_]{1,59}$", description: "小写字母开头，小写字母、数字和下划线" }),
    name: editable.name,
    domain: editable.domain,
    unit: editable.unit,
    direction: editable.direction,
    level: editable.level,
    department: editable.department,
    method: Type.Optional(editable.method),
    weight: Type.Optional(editable.weight),
    lower: Type.Optional(editable.lower),
    upper: Type.Optional(editable.upper),
    target: Type.Optional(editable.target),
    intervalLow: Type.Optional(editable.intervalLow),
    intervalHigh: Type.Optional(editable.intervalHigh),
    minValue: Type.Optional(editable.minValue),
    maxValue: Type.Optional(editable.maxValue),
  },
  { additionalProperties: false },
);

export const IndicatorUpdateBody = Type.Partial(Type.Object(editable), {
  additionalProperties: false,
  minProperties: 1,
});

export const IndicatorDefinition = Type.Object({
  code: Type.String(),
  ...editable,
  domain: Type.String(),
  demo: Type.Boolean({ description: "演示目录中的指标，尚未经社建办审定；修改后变为 false" }),
});

export const IndicatorCatalogue = Type.Object({
  domains: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })),
  indicators: Type.Array(IndicatorDefinition),
});

const YearText = Type.String({ pattern: "^\\d{4}$", description: "年份，如 2026" });

export const YearQuery = Type.Object({ year: YearText }, { additionalProperties: false });
export const OptionalYearQuery = Type.Object({ year: Type.Optional(YearText) }, { additionalProperties: false });

export const IndexQuery = Type.Object(
  {
    year: YearText,
    weighting: Type.Optional(
      Type.Union([Type.Literal("equal"), Type.Literal("expert"), Type.Literal("entropy")], {
        description: "equal 等权（默认）/ expert 专家权重 / entropy 熵权（敏感性分析）",
      }),
    ),
    baseYear: Type.Optional(Type.String({ pattern: "^\\d{4}$", description: "基期年份：给出时计算进步指数" })),
  },
  { additionalProperties: false },
);

const NullableNumber = Type.Union([Type.Number(), Type.Null()]);
const NumberMap = Type.Record(Type.String(), NullableNumber);

export const IndicatorValuesTable = Type.Object({
  year: Type.Integer(),
  indicators: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Type.String(),
      domain: Type.String(),
      unit: Type.String(),
      level: Level,
    }),
  ),
  rows: Type.Array(Type.Object({ unitCode: Type.String(), unitName: Type.String(), values: NumberMap })),
  count: Type.Integer(),
});

export const IndicatorUploadResult = Type.Object({
  imported: Type.Integer({ description: "写入（新增或替换）的数值个数" }),
  years: Type.Array(Type.Integer()),
  indicators: Type.Integer(),
  units: Type.Integer({ description: "涉及的街镇数（全区计为一个）" }),
});

const Progress = Type.Object({
  base: NullableNumber,
  current: NullableNumber,
  progressIndex: Type.Union([Type.Number(), Type.Null()], { description: "(S_t / S_base − 1)·100" }),
  pointChange: Type.Union([Type.Number(), Type.Null()], { description: "S_t − S_base（分）" }),
});

export const IndicatorIndexReport = Type.Object({
  year: Type.Integer(),
  weighting: Type.String(),
  baseYear: Type.Union([Type.Integer(), Type.Null()]),
  comparableAcrossYears: Type.Boolean(),
  domains: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), weight: Type.Number() })),
  indicators: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Type.String(),
      domain: Type.String(),
      unit: Type.String(),
      level: Level,
      method: Method,
      weight: Type.Number(),
      entropy: NullableNumber,
    }),
  ),
  towns: Type.Array(
    Type.Object({
      townCode: Type.String(),
      townName: Type.String(),
      indicatorScores: NumberMap,
      domainIndices: NumberMap,
      composite: NullableNumber,
      rank: Type.Union([Type.Integer(), Type.Null()]),
      missingIndicators: Type.Array(Type.String()),
      progress: Type.Union([
        Type.Object({
          composite: Progress,
          domains: Type.Record(Type.String(), Progress),
          indicatorSetChanged: Type.Array(Type.String()),
        }),
        Type.Null(),
      ]),
    }),
  ),
  district: Type.Union([
    Type.Object({
      indicatorScores: NumberMap,
      domainIndices: NumberMap,
      composite: NullableNumber,
      missingIndicators: Type.Array(Type.String()),
      progress: Type.Union([Progress, Type.Null()]),
    }),
    Type.Null(),
  ]),
  notes: Type.Array(Type.String()),
});

/** Content types the values upload accepts: the template (.xlsx) or a long table (CSV/.xlsx), raw or multipart. */
export const VALUES_UPLOAD_TYPES = [
  "text/csv",
  "text/plain",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "application/octet-stream",
  "multipart/form-data",
];
