CREATE TABLE "alert_basis" (
	"partnership_id" uuid NOT NULL,
	"record_id" uuid NOT NULL,
	"agency_person_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"basis" text NOT NULL,
	"lead_user_id" uuid,
	"start_date" date,
	"end_date" date,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "alert_basis_partnership_id_record_id_pk" PRIMARY KEY("partnership_id","record_id"),
	CONSTRAINT "alert_basis_kind" CHECK ("alert_basis"."basis" in ('child_protection_plan', 'looked_after', 'unborn_baby_plan', 'lead_practitioner', 'school_enrolment'))
);
--> statement-breakpoint
ALTER TABLE "alert_basis" ADD CONSTRAINT "alert_basis_organisation_fk" FOREIGN KEY ("partnership_id","organisation_id") REFERENCES "public"."organisation"("partnership_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_basis" ADD CONSTRAINT "alert_basis_lead_user_fk" FOREIGN KEY ("partnership_id","lead_user_id") REFERENCES "public"."app_user"("partnership_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "alert_basis_person" ON "alert_basis" USING btree ("partnership_id","agency_person_id");