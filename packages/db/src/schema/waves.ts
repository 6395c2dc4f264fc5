import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  serial,
  text,
  timestamp,
  unique,
} from "drizzle-orm/pg-core";
import { communities, towns } from "./frame";

/**
 * A questionnaire version. A draft is edited in the console (each save bumps `revision`) until a wave that uses
 * it has a response or is open; from then on it never changes.
 */
export const questionnaires = pgTable(
  "questionnaires",
  {
    id: serial("id").primaryKey(),
    code: text("code").notNull(),
    version: integer("version").notNull(),
    title: text("title").notNull(),
    definition: jsonb("definition").notNull(),
    /** The version this one was copied from ("新版本"), for the comparison in the studio. */
    sourceId: integer("source_id").references((): AnyPgColumn => questionnaires.id),
    /** Incremented by every edit: a process's parsed copy is stale when the stored revision differs. */
    revision: integer("revision").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("questionnaires_code_version").on(t.code, t.version)],
);

export const waves = pgTable("waves", {
  id: serial("id").primaryKey(),
  code: text("code").notNull().unique(),
  title: text("title").notNull(),
  year: integer("year").notNull(),
  status: text("status", { enum: ["draft", "open", "closed"] })
    .notNull()
    .default("draft"),
  questionnaireId: integer("questionnaire_id").references(() => questionnaires.id),
  opensAt: timestamp("opens_at", { withTimezone: true }),
  closesAt: timestamp("closes_at", { withTimezone: true }),
  /** When the wave was last opened; `GET /api/waves/current` picks the most recent. */
  openedAt: timestamp("opened_at", { withTimezone: true }),
  townTarget: integer("town_target").notNull().default(200),
  communityCap: integer("community_cap").notNull().default(20),
  minAge: integer("min_age").notNull().default(18),
  reservationMinutes: integer("reservation_minutes").notNull().default(30),
  allocation: text("allocation", { enum: ["cap", "proportional"] })
    .notNull()
    .default("cap"),
  demo: boolean("demo").notNull().default(false),
  /** Left out of trends and of the waves offered as a comparison base (a test wave, an aborted round). */
  hiddenFromTrends: boolean("hidden_from_trends").notNull().default(false),
  /** Quality flag: an online response answered in under this many seconds per answered question is "too fast". */
  minSecondsPerQuestion: real("min_seconds_per_question").notNull().default(2),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Per-wave town quota. The CHECK is a last line of defence; the claim UPDATE is the real guard. */
export const waveTowns = pgTable(
  "wave_towns",
  {
    waveId: integer("wave_id")
      .notNull()
      .references(() => waves.id, { onDelete: "cascade" }),
    townCode: text("town_code")
      .notNull()
      .references(() => towns.code),
    target: integer("target").notNull(),
    /** True when an administrator set this town's target by hand (kept when wave defaults change). */
    targetOverridden: boolean("target_overridden").notNull().default(false),
    completed: integer("completed").notNull().default(0),
    reserved: integer("reserved").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.waveId, t.townCode] }),
    check(
      "wave_towns_within_target",
      sql`${t.completed} >= 0 AND ${t.reserved} >= 0 AND ${t.completed} + ${t.reserved} <= ${t.target}`,
    ),
  ],
);

export const waveCommunities = pgTable(
  "wave_communities",
  {
    waveId: integer("wave_id")
      .notNull()
      .references(() => waves.id, { onDelete: "cascade" }),
    communityCode: text("community_code")
      .notNull()
      .references(() => communities.code),
    townCode: text("town_code")
      .notNull()
      .references(() => towns.code),
    cap: integer("cap").notNull(),
    capOverridden: boolean("cap_overridden").notNull().default(false),
    completed: integer("completed").notNull().default(0),
    reserved: integer("reserved").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.waveId, t.communityCode] }),
    index("wave_communities_town").on(t.waveId, t.townCode),
    check(
      "wave_communities_within_cap",
      sql`${t.completed} >= 0 AND ${t.reserved} >= 0 AND ${t.completed} + ${t.reserved} <= ${t.cap}`,
    ),
  ],
);
