CREATE TABLE "subject_record" (
	"partnership_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"subject_id" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"field_group" text NOT NULL,
	"kind" text NOT NULL,
	"payload" jsonb NOT NULL,
	"event_date" date,
	"recorded_at" timestamp with time zone NOT NULL,
	"fact_or_opinion" text NOT NULL,
	"source_reference" text NOT NULL,
	CONSTRAINT "subject_record_partnership_id_id_pk" PRIMARY KEY("partnership_id","id"),
	CONSTRAINT "subject_record_fact_or_opinion" CHECK ("subject_record"."fact_or_opinion" in ('fact', 'opinion'))
);
--> statement-breakpoint
CREATE INDEX "subject_record_subject" ON "subject_record" USING btree ("partnership_id","subject_id");