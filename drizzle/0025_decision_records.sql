CREATE TABLE "decision_record" (
	"partnership_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"version" integer NOT NULL,
	"kind" text NOT NULL,
	"previous_id" uuid,
	"first_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"subject_ids" text[] NOT NULL,
	"organisation_id" uuid NOT NULL,
	"decided_by_user_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"decision" text NOT NULL,
	"situation" jsonb,
	"recommendation" text,
	"recommendation_edition" text,
	"followed_recommendation" boolean,
	"departure_reason" text,
	"recipient_organisation_id" uuid,
	"field_groups" jsonb NOT NULL,
	"lawful_basis" text[] NOT NULL,
	"method" text NOT NULL,
	"shared_at" timestamp with time zone NOT NULL,
	"reasons" text NOT NULL,
	"family_told" text NOT NULL,
	"family_not_told_reason" text,
	"advised_by" text,
	"disclosure_expires_at" timestamp with time zone,
	"grant_id" uuid,
	"outside_agreements" boolean NOT NULL,
	"request_id" uuid,
	"new_information" text,
	"idempotency_key" text,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "decision_record_partnership_id_id_pk" PRIMARY KEY("partnership_id","id"),
	CONSTRAINT "decision_record_kind" CHECK ("decision_record"."kind" in ('original', 'correction', 'reopening')),
	CONSTRAINT "decision_record_decision" CHECK ("decision_record"."decision" in ('share', 'not_share')),
	CONSTRAINT "decision_record_chain" CHECK (("decision_record"."kind" = 'original') = ("decision_record"."previous_id" is null) and ("decision_record"."kind" <> 'original' or "decision_record"."first_id" = "decision_record"."id")),
	CONSTRAINT "decision_record_share_shape" CHECK ("decision_record"."decision" <> 'share' or ("decision_record"."recipient_organisation_id" is not null and "decision_record"."grant_id" is not null))
);
--> statement-breakpoint
ALTER TABLE "decision_record" ADD CONSTRAINT "decision_record_partnership_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_record" ADD CONSTRAINT "decision_record_organisation_fk" FOREIGN KEY ("partnership_id","organisation_id") REFERENCES "public"."organisation"("partnership_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_record" ADD CONSTRAINT "decision_record_recipient_fk" FOREIGN KEY ("partnership_id","recipient_organisation_id") REFERENCES "public"."organisation"("partnership_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_record" ADD CONSTRAINT "decision_record_decided_by_fk" FOREIGN KEY ("partnership_id","decided_by_user_id") REFERENCES "public"."app_user"("partnership_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_record" ADD CONSTRAINT "decision_record_previous_fk" FOREIGN KEY ("partnership_id","previous_id") REFERENCES "public"."decision_record"("partnership_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_record" ADD CONSTRAINT "decision_record_first_fk" FOREIGN KEY ("partnership_id","first_id") REFERENCES "public"."decision_record"("partnership_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_record" ADD CONSTRAINT "decision_record_grant_fk" FOREIGN KEY ("partnership_id","grant_id") REFERENCES "public"."access_grant"("partnership_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_record" ADD CONSTRAINT "decision_record_request_fk" FOREIGN KEY ("partnership_id","request_id") REFERENCES "public"."information_request"("partnership_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "decision_record_one_successor" ON "decision_record" USING btree ("partnership_id","previous_id");--> statement-breakpoint
CREATE UNIQUE INDEX "decision_record_idempotency" ON "decision_record" USING btree ("partnership_id","decided_by_user_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "decision_record_person" ON "decision_record" USING btree ("partnership_id","person_id");--> statement-breakpoint
CREATE INDEX "decision_record_organisation" ON "decision_record" USING btree ("partnership_id","organisation_id","recorded_at");--> statement-breakpoint
CREATE INDEX "decision_record_recipient" ON "decision_record" USING btree ("partnership_id","recipient_organisation_id","recorded_at");