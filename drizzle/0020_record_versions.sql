CREATE TABLE "subject_record_tombstone" (
	"partnership_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"external_id" text NOT NULL,
	"record_id" uuid NOT NULL,
	"erased_at" timestamp with time zone NOT NULL,
	"reason" text NOT NULL,
	"request_reference" text,
	"erased_by" text NOT NULL,
	CONSTRAINT "subject_record_tombstone_partnership_id_organisation_id_external_id_pk" PRIMARY KEY("partnership_id","organisation_id","external_id")
);
--> statement-breakpoint
CREATE TABLE "subject_record_version" (
	"partnership_id" uuid NOT NULL,
	"record_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"subject_id" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"field_group" text NOT NULL,
	"kind" text NOT NULL,
	"payload" jsonb NOT NULL,
	"event_date" date,
	"fact_or_opinion" text NOT NULL,
	"source_reference" text NOT NULL,
	"content_hash" text,
	"ingest_run_id" uuid,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "subject_record_version_partnership_id_record_id_version_pk" PRIMARY KEY("partnership_id","record_id","version"),
	CONSTRAINT "subject_record_version_positive" CHECK ("subject_record_version"."version" >= 1)
);
--> statement-breakpoint
ALTER TABLE "ingest_run" ADD COLUMN "erased_not_reloaded" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "subject_record" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "subject_record_tombstone_record" ON "subject_record_tombstone" USING btree ("partnership_id","record_id");