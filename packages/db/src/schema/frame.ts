import { boolean, integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

/** 街道/镇. `kind` is street (街道) or town (镇). */
export const towns = pgTable("towns", {
  code: text("code").primaryKey(),
  name: text("name").notNull(),
  kind: text("kind", { enum: ["street", "town"] }).notNull(),
  population: integer("population").notNull(),
  /** Demo rows are marked so nobody mistakes them for official figures. */
  demo: boolean("demo").notNull().default(false),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** 社区: 居委会 (residential) or 村委会 (village). */
export const communities = pgTable("communities", {
  code: text("code").primaryKey(),
  townCode: text("town_code")
    .notNull()
    .references(() => towns.code),
  name: text("name").notNull(),
  kind: text("kind", { enum: ["residential", "village"] }).notNull(),
  population: integer("population").notNull(),
  demo: boolean("demo").notNull().default(false),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Optional adult population by sex × age group per town, for post-stratification. */
export const townPopulationCells = pgTable(
  "town_population_cells",
  {
    townCode: text("town_code")
      .notNull()
      .references(() => towns.code),
    sex: text("sex", { enum: ["male", "female"] }).notNull(),
    ageGroup: text("age_group").notNull(),
    population: integer("population").notNull(),
  },
  (t) => [primaryKey({ columns: [t.townCode, t.sex, t.ageGroup] })],
);
