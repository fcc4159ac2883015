ALTER TABLE "ingest_run" ADD COLUMN "waiting_for_identity" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "ingest_run" ADD COLUMN "shared_outside" boolean;--> statement-breakpoint
CREATE INDEX "agency_person_waiting" ON "agency_person" USING btree ("partnership_id","organisation_id") WHERE "agency_person"."content_hash" is null;