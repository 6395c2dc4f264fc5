CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" integer,
	"username" text,
	"action" text NOT NULL,
	"target" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"ip" text
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id_hash" text PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"csrf_token" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" serial PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"password_hash" text NOT NULL,
	"role" text NOT NULL,
	"town_codes" text[] DEFAULT '{}' NOT NULL,
	"domains" text[] DEFAULT '{}' NOT NULL,
	"disabled" boolean DEFAULT false NOT NULL,
	"failed_logins" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_username_unique" UNIQUE("username")
);
--> statement-breakpoint
CREATE TABLE "communities" (
	"code" text PRIMARY KEY NOT NULL,
	"town_code" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"population" integer NOT NULL,
	"demo" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "town_population_cells" (
	"town_code" text NOT NULL,
	"sex" text NOT NULL,
	"age_group" text NOT NULL,
	"population" integer NOT NULL,
	CONSTRAINT "town_population_cells_town_code_sex_age_group_pk" PRIMARY KEY("town_code","sex","age_group")
);
--> statement-breakpoint
CREATE TABLE "towns" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"population" integer NOT NULL,
	"demo" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_values" (
	"indicator_code" text NOT NULL,
	"town_code" text NOT NULL,
	"year" integer NOT NULL,
	"value" double precision NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" integer,
	CONSTRAINT "indicator_values_indicator_code_town_code_year_pk" PRIMARY KEY("indicator_code","town_code","year")
);
--> statement-breakpoint
CREATE TABLE "indicators" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"domain" text NOT NULL,
	"unit" text NOT NULL,
	"direction" text NOT NULL,
	"level" text NOT NULL,
	"method" text DEFAULT 'threshold' NOT NULL,
	"lower" double precision,
	"upper" double precision,
	"target" double precision,
	"interval_low" double precision,
	"interval_high" double precision,
	"min_value" double precision,
	"max_value" double precision,
	"weight" double precision DEFAULT 1 NOT NULL,
	"department" text NOT NULL,
	"demo" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dev_sms_outbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"phone_hash" text NOT NULL,
	"text" text NOT NULL,
	"code" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reservation_tokens" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"reservation_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reservations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"wave_id" integer NOT NULL,
	"community_code" text NOT NULL,
	"town_code" text NOT NULL,
	"id_hash" text NOT NULL,
	"phone_hash" text NOT NULL,
	"sex" text,
	"birth_year" integer,
	"age_group" text,
	"registered" boolean,
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"released_at" timestamp with time zone,
	"draft" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"draft_updated_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "response_items" (
	"response_id" uuid NOT NULL,
	"wave_id" integer NOT NULL,
	"town_code" text NOT NULL,
	"question" text NOT NULL,
	"dimension" text NOT NULL,
	"domain" text NOT NULL,
	"code" smallint NOT NULL,
	"score" real,
	"counted" boolean NOT NULL
);
--> statement-breakpoint
CREATE TABLE "responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"wave_id" integer NOT NULL,
	"questionnaire_id" integer NOT NULL,
	"reservation_id" uuid,
	"community_code" text NOT NULL,
	"town_code" text NOT NULL,
	"mode" text NOT NULL,
	"id_hash" text,
	"phone_hash" text,
	"sex" text,
	"birth_year" integer,
	"age_group" text,
	"registered" boolean,
	"counted" boolean NOT NULL,
	"receipt_code" text NOT NULL,
	"answers" jsonb NOT NULL,
	"started_at" timestamp with time zone,
	"submitted_at" timestamp with time zone NOT NULL,
	"entered_by" integer,
	CONSTRAINT "responses_reservation_id_unique" UNIQUE("reservation_id"),
	CONSTRAINT "responses_receipt_code_unique" UNIQUE("receipt_code")
);
--> statement-breakpoint
CREATE TABLE "sms_sends" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"phone_hash" text NOT NULL,
	"sent_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "verifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"wave_id" integer NOT NULL,
	"community_code" text NOT NULL,
	"town_code" text NOT NULL,
	"id_hash" text NOT NULL,
	"phone_hash" text NOT NULL,
	"phone_last4" text NOT NULL,
	"sex" text,
	"birth_year" integer,
	"age_group" text,
	"registered" boolean,
	"code_hash" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"confirmed_at" timestamp with time zone,
	"reservation_id" uuid
);
--> statement-breakpoint
CREATE TABLE "questionnaires" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"version" integer NOT NULL,
	"title" text NOT NULL,
	"definition" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "questionnaires_code_version" UNIQUE("code","version")
);
--> statement-breakpoint
CREATE TABLE "wave_communities" (
	"wave_id" integer NOT NULL,
	"community_code" text NOT NULL,
	"town_code" text NOT NULL,
	"cap" integer NOT NULL,
	"cap_overridden" boolean DEFAULT false NOT NULL,
	"completed" integer DEFAULT 0 NOT NULL,
	"reserved" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "wave_communities_wave_id_community_code_pk" PRIMARY KEY("wave_id","community_code"),
	CONSTRAINT "wave_communities_within_cap" CHECK ("wave_communities"."completed" >= 0 AND "wave_communities"."reserved" >= 0 AND "wave_communities"."completed" + "wave_communities"."reserved" <= "wave_communities"."cap")
);
--> statement-breakpoint
CREATE TABLE "wave_towns" (
	"wave_id" integer NOT NULL,
	"town_code" text NOT NULL,
	"target" integer NOT NULL,
	"target_overridden" boolean DEFAULT false NOT NULL,
	"completed" integer DEFAULT 0 NOT NULL,
	"reserved" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "wave_towns_wave_id_town_code_pk" PRIMARY KEY("wave_id","town_code"),
	CONSTRAINT "wave_towns_within_target" CHECK ("wave_towns"."completed" >= 0 AND "wave_towns"."reserved" >= 0 AND "wave_towns"."completed" + "wave_towns"."reserved" <= "wave_towns"."target")
);
--> statement-breakpoint
CREATE TABLE "waves" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"year" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"questionnaire_id" integer,
	"opens_at" timestamp with time zone,
	"closes_at" timestamp with time zone,
	"opened_at" timestamp with time zone,
	"town_target" integer DEFAULT 200 NOT NULL,
	"community_cap" integer DEFAULT 20 NOT NULL,
	"min_age" integer DEFAULT 18 NOT NULL,
	"reservation_minutes" integer DEFAULT 30 NOT NULL,
	"allocation" text DEFAULT 'cap' NOT NULL,
	"demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "waves_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "app_meta" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "communities" ADD CONSTRAINT "communities_town_code_towns_code_fk" FOREIGN KEY ("town_code") REFERENCES "public"."towns"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "town_population_cells" ADD CONSTRAINT "town_population_cells_town_code_towns_code_fk" FOREIGN KEY ("town_code") REFERENCES "public"."towns"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_indicator_code_indicators_code_fk" FOREIGN KEY ("indicator_code") REFERENCES "public"."indicators"("code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reservation_tokens" ADD CONSTRAINT "reservation_tokens_reservation_id_reservations_id_fk" FOREIGN KEY ("reservation_id") REFERENCES "public"."reservations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reservations" ADD CONSTRAINT "reservations_wave_id_waves_id_fk" FOREIGN KEY ("wave_id") REFERENCES "public"."waves"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "response_items" ADD CONSTRAINT "response_items_response_id_responses_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."responses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responses" ADD CONSTRAINT "responses_wave_id_waves_id_fk" FOREIGN KEY ("wave_id") REFERENCES "public"."waves"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "verifications" ADD CONSTRAINT "verifications_wave_id_waves_id_fk" FOREIGN KEY ("wave_id") REFERENCES "public"."waves"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wave_communities" ADD CONSTRAINT "wave_communities_wave_id_waves_id_fk" FOREIGN KEY ("wave_id") REFERENCES "public"."waves"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wave_communities" ADD CONSTRAINT "wave_communities_community_code_communities_code_fk" FOREIGN KEY ("community_code") REFERENCES "public"."communities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wave_communities" ADD CONSTRAINT "wave_communities_town_code_towns_code_fk" FOREIGN KEY ("town_code") REFERENCES "public"."towns"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wave_towns" ADD CONSTRAINT "wave_towns_wave_id_waves_id_fk" FOREIGN KEY ("wave_id") REFERENCES "public"."waves"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wave_towns" ADD CONSTRAINT "wave_towns_town_code_towns_code_fk" FOREIGN KEY ("town_code") REFERENCES "public"."towns"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waves" ADD CONSTRAINT "waves_questionnaire_id_questionnaires_id_fk" FOREIGN KEY ("questionnaire_id") REFERENCES "public"."questionnaires"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_at" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "sessions_user" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "dev_sms_outbox_phone" ON "dev_sms_outbox" USING btree ("phone_hash","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "reservations_one_active_id" ON "reservations" USING btree ("wave_id","id_hash") WHERE "reservations"."status" = 'active';--> statement-breakpoint
CREATE UNIQUE INDEX "reservations_one_active_phone" ON "reservations" USING btree ("wave_id","phone_hash") WHERE "reservations"."status" = 'active';--> statement-breakpoint
CREATE INDEX "reservations_expiry" ON "reservations" USING btree ("status","expires_at");--> statement-breakpoint
CREATE INDEX "response_items_wave_town_question" ON "response_items" USING btree ("wave_id","town_code","question");--> statement-breakpoint
CREATE UNIQUE INDEX "responses_one_per_id" ON "responses" USING btree ("wave_id","id_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "responses_one_per_phone" ON "responses" USING btree ("wave_id","phone_hash");--> statement-breakpoint
CREATE INDEX "responses_wave_town" ON "responses" USING btree ("wave_id","town_code","submitted_at");--> statement-breakpoint
CREATE INDEX "sms_sends_phone" ON "sms_sends" USING btree ("phone_hash","sent_at");--> statement-breakpoint
CREATE INDEX "verifications_phone" ON "verifications" USING btree ("phone_hash","created_at");--> statement-breakpoint
CREATE INDEX "wave_communities_town" ON "wave_communities" USING btree ("wave_id","town_code");