import { integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { responses } from "./respondents";
import { waves } from "./waves";

/**
 * The office's comment themes for a wave with their keyword lists (STATISTICS §7), as edited in the console:
 * `[{code, label, keywords}]`. No row: the default list (the questionnaire's domains plus 其他).
 */
export const commentThemeLists = pgTable("comment_theme_lists", {
  waveId: integer("wave_id")
    .primaryKey()
    .references(() => waves.id, { onDelete: "cascade" }),
  themes: jsonb("themes").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  updatedBy: integer("updated_by"),
});

/**
 * Themes an analyst set by hand for one open answer (a response's question); they replace the suggestion.
 * No row: the themes are suggested from the keywords.
 */
export const commentTags = pgTable(
  "comment_tags",
  {
    responseId: uuid("response_id")
      .notNull()
      .references(() => responses.id, { onDelete: "cascade" }),
    question: text("question").notNull(),
    themes: text("themes").array().notNull(),
    taggedAt: timestamp("tagged_at", { withTimezone: true }).notNull(),
    taggedBy: integer("tagged_by"),
  },
  (t) => [primaryKey({ columns: [t.responseId, t.question] })],
);
