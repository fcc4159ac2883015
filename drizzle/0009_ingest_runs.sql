CREATE TABLE "ingest_issue" (
	"partnership_id" uuid NOT NULL,
	"run_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"line" integer NOT NULL,
	"column" text,
	"severity" text NOT NULL,
	"reason" text NOT NULL,
	CONSTRAINT "ingest_issue_partnership_id_run_id_seq_pk" PRIMARY KEY("partnership_id","run_id","seq"),
	CONSTRAINT "ingest_issue_severity" CHECK ("ingest_issue"."severity" in ('rejected', 'flagged'))
);
--> statement-breakpoint
CREATE TABLE "ingest_run" (
	"partnership_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"feed" text NOT NULL,
	"record_kind" text NOT NULL,
	"field_group" text NOT NULL,
	"file_name" text,
	"status" text NOT NULL,
	"started_by" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"rows_read" integer DEFAULT 0 NOT NULL,
	"inserted" integer DEFAULT 0 NOT NULL,
	"updated" integer DEFAULT 0 NOT NULL,
	"unchanged" integer DEFAULT 0 NOT NULL,
	"rejected" integer DEFAULT 0 NOT NULL,
	"flagged" integer DEFAULT 0 NOT NULL,
	"duplicates" integer DEFAULT 0 NOT NULL,
	"batches" integer DEFAULT 0 NOT NULL,
	"failure" text,
	CONSTRAINT "ingest_run_partnership_id_id_pk" PRIMARY KEY("partnership_id","id"),
	CONSTRAINT "ingest_run_status" CHECK ("ingest_run"."status" in ('running', 'completed', 'failed', 'interrupted'))
);
--> statement-breakpoint
CREATE INDEX "ingest_run_started" ON "ingest_run" USING btree ("partnership_id","started_at");