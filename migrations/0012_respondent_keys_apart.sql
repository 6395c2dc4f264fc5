CREATE TABLE "respondent_key_sets" (
	"wave_id" integer NOT NULL,
	"bucket" text NOT NULL,
	"keys" text[] NOT NULL,
	"fresh" boolean DEFAULT true NOT NULL,
	CONSTRAINT "respondent_key_sets_wave_id_bucket_pk" PRIMARY KEY("wave_id","bucket")
);
--> statement-breakpoint
CREATE TABLE "spent_challenges" (
	"signature" text PRIMARY KEY NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "verification_starts" (
	"client_hash" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
DROP INDEX "responses_one_per_id";--> statement-breakpoint
DROP INDEX "responses_one_per_phone";--> statement-breakpoint
ALTER TABLE "reservations" ALTER COLUMN "id_hash" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "reservations" ALTER COLUMN "phone_hash" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "respondent_key_sets" ADD CONSTRAINT "respondent_key_sets_wave_id_waves_id_fk" FOREIGN KEY ("wave_id") REFERENCES "public"."waves"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "verification_starts_client" ON "verification_starts" USING btree ("client_hash","started_at");--> statement-breakpoint
CREATE INDEX "verification_starts_time" ON "verification_starts" USING btree ("started_at");--> statement-breakpoint
-- hand-written: the respondents' hashes move out of responses into respondent_key_sets (sorted, bucketed by
-- their first hex digits), the reservations and verifications that became responses forget theirs, and only
-- then are the responses' columns dropped (drizzle-kit put the drops above; they are moved here). CLUSTER
-- rewrites responses so the dropped values do not linger in its pages.
INSERT INTO "respondent_key_sets" ("wave_id", "bucket", "keys", "fresh")
SELECT "wave_id", "bucket", array_agg("key" ORDER BY "key"), false
FROM (
  SELECT "wave_id", 'i' || left("id_hash", 2) AS "bucket", "id_hash" AS "key" FROM "responses" WHERE "id_hash" IS NOT NULL
  UNION
  SELECT "wave_id", 'p' || left("phone_hash", 2), "phone_hash" FROM "responses" WHERE "phone_hash" IS NOT NULL
) AS "respondent_keys"
GROUP BY "wave_id", "bucket"
ORDER BY "wave_id", "bucket";--> statement-breakpoint
DELETE FROM "verifications" WHERE "reservation_id" IN (SELECT "reservation_id" FROM "responses" WHERE "reservation_id" IS NOT NULL);--> statement-breakpoint
UPDATE "reservations" SET "id_hash" = NULL, "phone_hash" = NULL WHERE "id" IN (SELECT "reservation_id" FROM "responses" WHERE "reservation_id" IS NOT NULL);--> statement-breakpoint
ALTER TABLE "responses" DROP COLUMN "id_hash";--> statement-breakpoint
ALTER TABLE "responses" DROP COLUMN "phone_hash";--> statement-breakpoint
CLUSTER "responses" USING "responses_wave_town";
