CREATE TABLE "comment_tags" (
	"response_id" uuid NOT NULL,
	"question" text NOT NULL,
	"themes" text[] NOT NULL,
	"tagged_at" timestamp with time zone NOT NULL,
	"tagged_by" integer,
	CONSTRAINT "comment_tags_response_id_question_pk" PRIMARY KEY("response_id","question")
);
--> statement-breakpoint
CREATE TABLE "comment_theme_lists" (
	"wave_id" integer PRIMARY KEY NOT NULL,
	"themes" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" integer
);
--> statement-breakpoint
ALTER TABLE "comment_tags" ADD CONSTRAINT "comment_tags_response_id_responses_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."responses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comment_theme_lists" ADD CONSTRAINT "comment_theme_lists_wave_id_waves_id_fk" FOREIGN KEY ("wave_id") REFERENCES "public"."waves"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- hand-written: answers and drafts stored before free text was masked (maskFreeText in packages/identity does it
-- for everything stored from now on): every digit run of 7 or more digits in a top-level string answer — ID
-- numbers, phones, with spaces, dashes, brackets, +86, full-width digits, a final X — becomes [号码已隐去].
UPDATE "responses" SET "answers" = (
  SELECT jsonb_object_agg(e.key, CASE WHEN jsonb_typeof(e.value) = 'string'
    THEN to_jsonb(regexp_replace(e.value #>> '{}', '[+＋]?[0-9０-９]([ 　().（）．－-]{0,2}[0-9０-９]){6,}( ?[xXＸｘ])?', '[号码已隐去]', 'g'))
    ELSE e.value END)
  FROM jsonb_each("responses"."answers") e)
WHERE jsonb_typeof("answers") = 'object' AND "answers"::text ~ '[0-9０-９]([ 　().（）．－-]{0,2}[0-9０-９]){6,}';
--> statement-breakpoint
UPDATE "reservations" SET "draft" = (
  SELECT jsonb_object_agg(e.key, CASE WHEN jsonb_typeof(e.value) = 'string'
    THEN to_jsonb(regexp_replace(e.value #>> '{}', '[+＋]?[0-9０-９]([ 　().（）．－-]{0,2}[0-9０-９]){6,}( ?[xXＸｘ])?', '[号码已隐去]', 'g'))
    ELSE e.value END)
  FROM jsonb_each("reservations"."draft") e)
WHERE jsonb_typeof("draft") = 'object' AND "draft"::text ~ '[0-9０-９]([ 　().（）．－-]{0,2}[0-9０-９]){6,}';
