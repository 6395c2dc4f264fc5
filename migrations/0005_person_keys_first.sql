-- Every index of a person's reservations and responses leads with the person's key (ID number or phone hash):
-- start and confirm look a person up by that key alone, and no other index can then serve the lookup — before
-- statistics exist, PostgreSQL could not tell (wave_id, id_hash) from any index leading with wave_id and
-- chose one for good. The SMS limits no longer read verifications by phone.
DROP INDEX "verifications_phone";--> statement-breakpoint
DROP INDEX "reservations_one_active_id";--> statement-breakpoint
DROP INDEX "reservations_one_active_phone";--> statement-breakpoint
DROP INDEX "reservations_person";--> statement-breakpoint
DROP INDEX "responses_one_per_id";--> statement-breakpoint
DROP INDEX "responses_one_per_phone";--> statement-breakpoint
CREATE INDEX "reservations_phone" ON "reservations" USING btree ("phone_hash","wave_id");--> statement-breakpoint
CREATE UNIQUE INDEX "reservations_one_active_id" ON "reservations" USING btree ("id_hash","wave_id") WHERE "reservations"."status" = 'active';--> statement-breakpoint
CREATE UNIQUE INDEX "reservations_one_active_phone" ON "reservations" USING btree ("phone_hash","wave_id") WHERE "reservations"."status" = 'active';--> statement-breakpoint
CREATE INDEX "reservations_person" ON "reservations" USING btree ("id_hash","wave_id");--> statement-breakpoint
CREATE UNIQUE INDEX "responses_one_per_id" ON "responses" USING btree ("id_hash","wave_id");--> statement-breakpoint
CREATE UNIQUE INDEX "responses_one_per_phone" ON "responses" USING btree ("phone_hash","wave_id");