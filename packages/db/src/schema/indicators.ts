import {
  bigserial,
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
} from "drizzle-orm/pg-core";

/** Objective indicator catalogue (社会建设指标). */
export const indicators = pgTable("indicators", {
  code: text("code").primaryKey(),
  name: text("name").notNull(),
  domain: text("domain").notNull(),
  unit: text("unit").notNull(),
  direction: text("direction", { enum: ["positive", "negative", "interval"] }).notNull(),
  level: text("level", { enum: ["district", "town"] }).notNull(),
  method: text("method", { enum: ["threshold", "target", "minmax"] })
    .notNull()
    .default("threshold"),
  /** Threshold method: L (worst) and U (best); for a negative indicator L > U. */
  lower: doublePrecision("lower"),
  upper: doublePrecision("upper"),
  /** Target-value method: T. */
  target: doublePrecision("target"),
  /** Interval direction: best inside [intervalLow, intervalHigh]. */
  intervalLow: doublePrecision("interval_low"),
  intervalHigh: doublePrecision("interval_high"),
  /** Plausible range for upload validation. */
  minValue: doublePrecision("min_value"),
  maxValue: doublePrecision("max_value"),
  weight: doublePrecision("weight").notNull().default(1),
  /**
   * Plan target (规划目标值) of the early warning (STATISTICS §8): the district's and the towns' (null = the
   * district's); interval indicators are held to [intervalLow, intervalHigh] instead.
   */
  planTarget: doublePrecision("plan_target"),
  townPlanTarget: doublePrecision("town_plan_target"),
  /** The plan's end year, to which the forecast projects. */
  planEndYear: integer("plan_end_year"),
  department: text("department").notNull(),
  demo: boolean("demo").notNull().default(false),
});

/** One value per indicator × town × year; district-level indicators use town code `district`. */
export const indicatorValues = pgTable(
  "indicator_values",
  {
    indicatorCode: text("indicator_code")
      .notNull()
      .references(() => indicators.code, { onDelete: "cascade" }),
    townCode: text("town_code").notNull(),
    year: integer("year").notNull(),
    value: doublePrecision("value").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    updatedBy: integer("updated_by"),
  },
  (t) => [primaryKey({ columns: [t.indicatorCode, t.townCode, t.year] })],
);

/** Every change of a stored value: who, when, old → new (old null = first supplied). */
export const indicatorValueChanges = pgTable(
  "indicator_value_changes",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    indicatorCode: text("indicator_code")
      .notNull()
      .references(() => indicators.code, { onDelete: "cascade" }),
    townCode: text("town_code").notNull(),
    year: integer("year").notNull(),
    oldValue: doublePrecision("old_value"),
    newValue: doublePrecision("new_value").notNull(),
    changedAt: timestamp("changed_at", { withTimezone: true }).notNull(),
    changedBy: integer("changed_by"),
  },
  (t) => [index("indicator_value_changes_year").on(t.year, t.changedAt)],
);

/** When a year's values are due from the departments (填报截止日期). */
export const indicatorDeadlines = pgTable("indicator_deadlines", {
  year: integer("year").primaryKey(),
  dueDate: date("due_date", { mode: "string" }).notNull(),
});

/** Other districts' figures for the same indicators (兄弟区, from the city's statistical yearbook). */
export const benchmarkValues = pgTable(
  "benchmark_values",
  {
    districtCode: text("district_code").notNull(),
    districtName: text("district_name").notNull(),
    indicatorCode: text("indicator_code")
      .notNull()
      .references(() => indicators.code, { onDelete: "cascade" }),
    year: integer("year").notNull(),
    value: doublePrecision("value").notNull(),
    /** Demo figures of made-up sibling districts (演示数据). */
    demo: boolean("demo").notNull().default(false),
    importedAt: timestamp("imported_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.districtCode, t.indicatorCode, t.year] })],
);

/** 整改建议: drafted by the office from a basis, addressed to a department or a town, answered by it. */
export const recommendations = pgTable("recommendations", {
  id: serial("id").primaryKey(),
  title: text("title").notNull(),
  body: text("body").notNull(),
  /** What it rests on: a warning, a forecast or a shared weakness (see the contract's RecommendationBasis). */
  basis: jsonb("basis").notNull(),
  addresseeDepartment: text("addressee_department"),
  addresseeTown: text("addressee_town"),
  dueDate: date("due_date", { mode: "string" }).notNull(),
  status: text("status", { enum: ["open", "in_progress", "done"] })
    .notNull()
    .default("open"),
  measures: text("measures").notNull().default(""),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  createdBy: integer("created_by"),
  respondedAt: timestamp("responded_at", { withTimezone: true }),
  respondedBy: integer("responded_by"),
});
