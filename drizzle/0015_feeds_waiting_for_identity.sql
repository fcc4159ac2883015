ALTER TABLE "ingest_run" ADD COLUMN "waiting_for_identity" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "ingest_run" ADD COLUMN "shared_outside" boolean;