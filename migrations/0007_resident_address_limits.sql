ALTER TABLE "verifications" ADD COLUMN "client_hash" text;--> statement-breakpoint
CREATE INDEX "reservations_community_claims" ON "reservations" USING btree ("community_code","wave_id","created_at");--> statement-breakpoint
CREATE INDEX "verifications_client" ON "verifications" USING btree ("client_hash");--> statement-breakpoint
CREATE INDEX "verifications_created" ON "verifications" USING btree ("created_at");