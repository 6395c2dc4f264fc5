ALTER TABLE "responses" ADD COLUMN "voided_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "responses" ADD COLUMN "voided_by" integer;--> statement-breakpoint
ALTER TABLE "responses" ADD COLUMN "void_reason" text;--> statement-breakpoint
ALTER TABLE "responses" ADD COLUMN "corrected_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "waves" ADD COLUMN "min_seconds_per_question" real DEFAULT 2 NOT NULL;