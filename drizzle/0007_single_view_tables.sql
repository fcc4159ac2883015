CREATE TABLE "person_link" (
	"partnership_id" uuid NOT NULL,
	"agency_person_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"match_probability" double precision NOT NULL,
	"linked_by" text NOT NULL,
	"linked_at" timestamp with time zone NOT NULL,
	CONSTRAINT "person_link_partnership_id_agency_person_id_pk" PRIMARY KEY("partnership_id","agency_person_id")
);
--> statement-breakpoint
CREATE TABLE "agency_address" (
	"partnership_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"agency_person_id" uuid NOT NULL,
	"subject_record_id" uuid NOT NULL,
	"address_key" text NOT NULL,
	"postcode" text,
	"from_date" date,
	"to_date" date,
	CONSTRAINT "agency_address_partnership_id_id_pk" PRIMARY KEY("partnership_id","id")
);
--> statement-breakpoint
CREATE TABLE "agency_person" (
	"partnership_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"external_person_id" text NOT NULL,
	"first_name" text,
	"middle_names" text,
	"last_name" text,
	"dob" date,
	"sex" text,
	"nhs_number" text,
	"upn" text,
	"postcode" text,
	"address" text,
	"city" text,
	"email" text,
	"phone" text,
	"content_hash" text,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "agency_person_partnership_id_id_pk" PRIMARY KEY("partnership_id","id")
);
--> statement-breakpoint
CREATE TABLE "agency_relationship" (
	"partnership_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"subject_record_id" uuid NOT NULL,
	"agency_person_id" uuid NOT NULL,
	"related_external_person_id" text NOT NULL,
	"kind" text NOT NULL,
	"from_date" date,
	"to_date" date,
	CONSTRAINT "agency_relationship_partnership_id_id_pk" PRIMARY KEY("partnership_id","id"),
	CONSTRAINT "agency_relationship_kind" CHECK ("agency_relationship"."kind" in ('parent_or_carer', 'sibling', 'partner_of_parent'))
);
--> statement-breakpoint
ALTER TABLE "subject_record" ADD COLUMN "external_id" text;--> statement-breakpoint
ALTER TABLE "subject_record" ADD COLUMN "content_hash" text;--> statement-breakpoint
ALTER TABLE "subject_record" ADD COLUMN "ingest_run_id" uuid;--> statement-breakpoint
CREATE INDEX "person_link_person" ON "person_link" USING btree ("partnership_id","person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "agency_address_record" ON "agency_address" USING btree ("partnership_id","subject_record_id");--> statement-breakpoint
CREATE INDEX "agency_address_key" ON "agency_address" USING btree ("partnership_id","address_key");--> statement-breakpoint
CREATE INDEX "agency_address_person" ON "agency_address" USING btree ("partnership_id","agency_person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "agency_person_external" ON "agency_person" USING btree ("partnership_id","organisation_id","external_person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "agency_relationship_record" ON "agency_relationship" USING btree ("partnership_id","subject_record_id");--> statement-breakpoint
CREATE INDEX "agency_relationship_person" ON "agency_relationship" USING btree ("partnership_id","agency_person_id");--> statement-breakpoint
CREATE INDEX "agency_relationship_related" ON "agency_relationship" USING btree ("partnership_id","organisation_id","related_external_person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "subject_record_external" ON "subject_record" USING btree ("partnership_id","organisation_id","external_id");