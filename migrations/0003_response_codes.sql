CREATE TABLE "response_codes" (
	"response_id" uuid PRIMARY KEY NOT NULL,
	"wave_id" integer NOT NULL,
	"town_code" text NOT NULL,
	"sex" text,
	"age_group" text,
	"counted" boolean NOT NULL,
	"codes" "bytea" NOT NULL
);
--> statement-breakpoint
ALTER TABLE "response_codes" ADD CONSTRAINT "response_codes_response_id_responses_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."responses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Backfill: the scored questions of each questionnaire (itemKind satisfaction or overall) sorted by name, and per
-- response the code of each from response_items (0 when blank). apps/api/src/data/response-codes.ts writes the
-- same bytes for new responses.
INSERT INTO "response_codes" ("response_id", "wave_id", "town_code", "sex", "age_group", "counted", "codes")
WITH "layout" AS (
	SELECT DISTINCT q."id" AS "questionnaire_id", n #>> '{}' AS "question"
	FROM "questionnaires" q,
		jsonb_path_query(q."definition", 'strict $.**?(@.itemKind == "satisfaction" || @.itemKind == "overall").name') n
)
SELECT r."id", r."wave_id", r."town_code", r."sex", r."age_group", r."counted",
	decode(coalesce(string_agg(lpad(to_hex(coalesce(ri."code", 0)), 2, '0'), '' ORDER BY l."question" COLLATE "C"), ''), 'hex')
FROM "responses" r
LEFT JOIN "layout" l ON l."questionnaire_id" = r."questionnaire_id"
LEFT JOIN "response_items" ri ON ri."response_id" = r."id" AND ri."question" = l."question"
GROUP BY r."id";
