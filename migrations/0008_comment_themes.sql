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
ALTER TABLE "comment_theme_lists" ADD CONSTRAINT "comment_theme_lists_wave_id_waves_id_fk" FOREIGN KEY ("wave_id") REFERENCES "public"."waves"("id") ON DELETE cascade ON UPDATE no action;