CREATE TABLE "benchmark_values" (
	"district_code" text NOT NULL,
	"district_name" text NOT NULL,
	"indicator_code" text NOT NULL,
	"year" integer NOT NULL,
	"value" double precision NOT NULL,
	"demo" boolean DEFAULT false NOT NULL,
	"imported_at" timestamp with time zone NOT NULL,
	CONSTRAINT "benchmark_values_district_code_indicator_code_year_pk" PRIMARY KEY("district_code","indicator_code","year")
);
--> statement-breakpoint
CREATE TABLE "indicator_deadlines" (
	"year" integer PRIMARY KEY NOT NULL,
	"due_date" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_value_changes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"indicator_code" text NOT NULL,
	"town_code" text NOT NULL,
	"year" integer NOT NULL,
	"old_value" double precision,
	"new_value" double precision NOT NULL,
	"changed_at" timestamp with time zone NOT NULL,
	"changed_by" integer
);
--> statement-breakpoint
CREATE TABLE "recommendations" (
	"id" serial PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"basis" jsonb NOT NULL,
	"addressee_department" text,
	"addressee_town" text,
	"due_date" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"measures" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" integer,
	"responded_at" timestamp with time zone,
	"responded_by" integer
);
--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "plan_target" double precision;--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "town_plan_target" double precision;--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "plan_end_year" integer;--> statement-breakpoint
ALTER TABLE "benchmark_values" ADD CONSTRAINT "benchmark_values_indicator_code_indicators_code_fk" FOREIGN KEY ("indicator_code") REFERENCES "public"."indicators"("code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_value_changes" ADD CONSTRAINT "indicator_value_changes_indicator_code_indicators_code_fk" FOREIGN KEY ("indicator_code") REFERENCES "public"."indicators"("code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "indicator_value_changes_year" ON "indicator_value_changes" USING btree ("year","changed_at");