import { jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** Small facts about this installation, e.g. that the demo data has been loaded. */
export const appMeta = pgTable("app_meta", {
  key: text("key").primaryKey(),
  value: jsonb("value").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
