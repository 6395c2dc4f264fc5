/** Survey waves (admin; office and staff read them): settings, quotas per town and community, allocation. */
import { type Static, Type } from "typebox";
import { communityFields } from "./frame";

const Code = Type.String({ pattern: "^[A-Za-z0-9_-]{1,40}$", description: "字母、数字、- 和 _，最长40个字符" });
const Title = Type.String({ minLength: 1, maxLength: 200 });
const Year = Type.Integer({ minimum: 2000, maximum: 2100 });
const TownTarget = Type.Integer({ minimum: 1, maximum: 100_000, description: "每个街镇的目标份数" });
const CommunityCap = Type.Integer({ minimum: 1, maximum: 10_000, description: "每个社区最多份数" });
const MinAge = Type.Integer({ minimum: 14, maximum: 100 });
const ReservationMinutes = Type.Integer({ minimum: 5, maximum: 1440, description: "名额保留分钟数" });
const Plan = Type.Union([Type.Literal("cap"), Type.Literal("proportional")]);
const Status = Type.Union([Type.Literal("draft"), Type.Literal("open"), Type.Literal("closed")]);
const OptionalDate = Type.Union([Type.String({ format: "date-time" }), Type.Null()]);
const HiddenFromTrends = Type.Boolean({ description: "不参加趋势和历次比较（测试轮次等）" });
const Reason = Type.String({ minLength: 2, maxLength: 500, description: "修改原因（写入操作日志）" });

/** `POST /api/admin/waves` → 201 `AdminWave` (a draft). */
export const CreateWaveBody = Type.Object(
  {
    code: Code,
    title: Title,
    year: Year,
    questionnaireId: Type.Integer({ minimum: 1 }),
    townTarget: Type.Optional(TownTarget),
    communityCap: Type.Optional(CommunityCap),
    minAge: Type.Optional(MinAge),
    reservationMinutes: Type.Optional(ReservationMinutes),
    allocation: Type.Optional(Plan),
    townCodes: Type.Optional(
      Type.Array(Code, { minItems: 1, maxItems: 1000, uniqueItems: true, description: "参加的街镇，默认全部" }),
    ),
    opensAt: Type.Optional(OptionalDate),
    closesAt: Type.Optional(OptionalDate),
    hiddenFromTrends: Type.Optional(HiddenFromTrends),
  },
  { additionalProperties: false },
);
export type CreateWaveBody = Static<typeof CreateWaveBody>;

/** `PATCH /api/admin/waves/:waveId` → 200 `AdminWave`. */
export const UpdateWaveBody = Type.Object(
  {
    title: Type.Optional(Title),
    year: Type.Optional(Year),
    questionnaireId: Type.Optional(Type.Integer({ minimum: 1 })),
    townTarget: Type.Optional(TownTarget),
    communityCap: Type.Optional(CommunityCap),
    minAge: Type.Optional(MinAge),
    reservationMinutes: Type.Optional(ReservationMinutes),
    allocation: Type.Optional(Plan),
    opensAt: Type.Optional(OptionalDate),
    closesAt: Type.Optional(OptionalDate),
    townTargets: Type.Optional(
      Type.Record(Type.String({ pattern: "^[A-Za-z0-9_-]{1,40}$" }), Type.Union([TownTarget, Type.Null()]), {
        maxProperties: 1000,
        description: "街镇代码 → 目标份数；null 取消单独设置",
      }),
    ),
    communityCaps: Type.Optional(
      Type.Record(Type.String({ pattern: "^[A-Za-z0-9_-]{1,40}$" }), Type.Union([CommunityCap, Type.Null()]), {
        maxProperties: 20_000,
        description: "社区代码 → 上限；null 取消单独设置",
      }),
    ),
    hiddenFromTrends: Type.Optional(HiddenFromTrends),
    reason: Type.Optional(Reason),
  },
  { additionalProperties: false },
);
export type UpdateWaveBody = Static<typeof UpdateWaveBody>;

/** `POST /api/admin/waves/:waveId/open` → 200 `AdminWave`; 409 `another_wave_open` unless confirmed. */
export const OpenWaveBody = Type.Object(
  {
    confirmAnotherOpen: Type.Optional(
      Type.Boolean({ description: "另一次调查正在进行时，确认同时开放（旧海报仍打开它自己的调查）" }),
    ),
  },
  { additionalProperties: false },
);
export type OpenWaveBody = Static<typeof OpenWaveBody>;

/** `POST /api/admin/waves/:waveId/reopen` → 200 `AdminWave`: a closed wave takes responses again until `closesAt`. */
export const ReopenWaveBody = Type.Object(
  {
    reason: Reason,
    closesAt: Type.String({ format: "date-time", description: "新的结束时间，须晚于现在" }),
    confirmAnotherOpen: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type ReopenWaveBody = Static<typeof ReopenWaveBody>;

/** `GET /api/waves/by-code/:code` (the `w` of a poster link). */
export const WaveCodeParams = Type.Object({ code: Type.String({ maxLength: 40 }) });
export type WaveCodeParams = Static<typeof WaveCodeParams>;

const Totals = Type.Object({
  towns: Type.Integer(),
  communities: Type.Integer(),
  target: Type.Integer(),
  completed: Type.Integer(),
  reserved: Type.Integer(),
});

const waveProperties = {
  id: Type.Integer(),
  code: Type.String(),
  title: Type.String(),
  year: Type.Integer(),
  status: Status,
  questionnaireId: Type.Union([Type.Integer(), Type.Null()]),
  townTarget: Type.Integer(),
  communityCap: Type.Integer(),
  minAge: Type.Integer(),
  reservationMinutes: Type.Integer(),
  allocation: Plan,
  opensAt: OptionalDate,
  closesAt: OptionalDate,
  openedAt: OptionalDate,
  demo: Type.Boolean(),
  hiddenFromTrends: Type.Boolean(),
  createdAt: Type.String({ format: "date-time" }),
};

/** A wave as the admin API shows it: every setting, dates as ISO strings. */
export const AdminWave = Type.Object(waveProperties);
export type AdminWave = Static<typeof AdminWave>;

/** One element of `GET /api/admin/waves`. */
export const AdminWaveListItem = Type.Object({ ...waveProperties, totals: Totals });
export type AdminWaveListItem = Static<typeof AdminWaveListItem>;
export const AdminWaveList = Type.Array(AdminWaveListItem);

/** `GET /api/admin/waves/:waveId` → 200: every town's target and fill, and inside it every community's. */
export const AdminWaveDetail = Type.Object({
  ...waveProperties,
  totals: Totals,
  towns: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Type.String(),
      kind: Type.Union([Type.Literal("street"), Type.Literal("town")]),
      population: Type.Integer(),
      target: Type.Integer(),
      targetOverridden: Type.Boolean(),
      completed: Type.Integer(),
      reserved: Type.Integer(),
      full: Type.Boolean(),
      communities: Type.Array(
        Type.Object({
          ...communityFields,
          cap: Type.Integer(),
          capOverridden: Type.Boolean(),
          completed: Type.Integer(),
          reserved: Type.Integer(),
          full: Type.Boolean(),
        }),
      ),
    }),
  ),
});
export type AdminWaveDetail = Static<typeof AdminWaveDetail>;

/** Query strings arrive as text (no type coercion): numbers are checked by pattern, then by the service. */
export const AllocationQuery = Type.Object(
  {
    plan: Type.Optional(Plan),
    townTarget: Type.Optional(Type.String({ pattern: "^\\d{1,6}$", description: "试算用的街镇目标（不保存）" })),
    communityCap: Type.Optional(Type.String({ pattern: "^\\d{1,6}$", description: "试算用的社区上限（不保存）" })),
  },
  { additionalProperties: false },
);

/** `GET /api/admin/waves/:waveId/allocation` → 200: which towns cannot reach their target under the caps. */
export const AllocationPreview = Type.Object({
  waveId: Type.Integer(),
  plan: Plan,
  townTarget: Type.Integer(),
  communityCap: Type.Integer(),
  summary: Type.Object({
    towns: Type.Integer(),
    target: Type.Integer(),
    capacity: Type.Integer(),
    planned: Type.Integer(),
    missing: Type.Integer(),
    infeasibleTowns: Type.Integer(),
  }),
  towns: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Type.String(),
      target: Type.Integer(),
      communityCount: Type.Integer(),
      capacity: Type.Integer({ description: "各社区上限之和" }),
      planned: Type.Integer(),
      feasible: Type.Boolean(),
      missing: Type.Integer({ description: "按上限最多还差的份数" }),
      smallestFeasibleCap: Type.Union([Type.Integer(), Type.Null()], { description: "能完成目标的最小统一社区上限" }),
      warning: Type.Union([Type.String(), Type.Null()]),
      message: Type.String(),
      communities: Type.Array(
        Type.Object({
          code: Type.String(),
          name: Type.String(),
          population: Type.Integer(),
          cap: Type.Integer(),
          quota: Type.Integer({ description: "按计划最多完成的份数：上限计划为上限，按比例计划为比例配额" }),
        }),
      ),
    }),
  ),
});
export type AllocationPreview = Static<typeof AllocationPreview>;
