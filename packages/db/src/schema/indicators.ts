import { boolean, doublePrecision, integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

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
