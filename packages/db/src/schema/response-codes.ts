import { boolean, customType, integer, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { responses } from "./respondents";

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => "bytea" });

/**
 * One row per response: the codes of its scored questions (satisfaction items and the overall question) as
 * one byte each, so that the satisfaction results read one short row per respondent instead of ~37 item rows.
 * Written in the same statement as the response and its `response_items` (apps/api/src/modules/analysis/data/response-codes.ts),
 * never changed afterwards (a response's answers and `counted` are fixed when it is stored).
 *
 * `codes[k]` is the code (1–5, 8, 9) of the k-th scored question of the response's questionnaire with the
 * questions sorted by name (UTF-8 byte order, `collate "C"`), 0 when the question was left blank.
 */
export const responseCodes = pgTable("response_codes", {
  responseId: uuid("response_id")
    .primaryKey()
    .references(() => responses.id, { onDelete: "cascade" }),
  waveId: integer("wave_id").notNull(),
  townCode: text("town_code").notNull(),
  /** Copied from the response: the post-stratification cell. */
  sex: text("sex"),
  ageGroup: text("age_group"),
  counted: boolean("counted").notNull(),
  codes: bytea("codes").notNull(),
});
