CREATE TABLE "phone_sms_windows" (
	"phone_hash" text PRIMARY KEY NOT NULL,
	"sent_at" timestamp with time zone[] NOT NULL
);
--> statement-breakpoint
-- Backfill: the sends of the last 24 hours, per phone, from the log that counted them until now.
INSERT INTO "phone_sms_windows" ("phone_hash", "sent_at")
SELECT "phone_hash", array_agg("sent_at" ORDER BY "sent_at")
FROM "sms_sends"
WHERE "sent_at" > now() - interval '24 hours'
GROUP BY "phone_hash";
--> statement-breakpoint
DROP TABLE "sms_sends" CASCADE;
