ALTER TABLE "questionnaires" ADD COLUMN "source_id" integer;--> statement-breakpoint
ALTER TABLE "questionnaires" ADD COLUMN "revision" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "questionnaires" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "questionnaires" ADD CONSTRAINT "questionnaires_source_id_questionnaires_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."questionnaires"("id") ON DELETE no action ON UPDATE no action;