CREATE TABLE "consent" (
	"partnership_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"holder_organisation_id" uuid NOT NULL,
	"subject_ids" text[] NOT NULL,
	"given_by" text NOT NULL,
	"competence_assessed_by" text,
	"competence_assessed_at" timestamp with time zone,
	"competence_test" text,
	"giver_name" text,
	"giver_relationship" text,
	"parental_responsibility" text,
	"organisation_ids" uuid[] NOT NULL,
	"purposes" text[] NOT NULL,
	"field_groups" text[] NOT NULL,
	"evidence_form" text NOT NULL,
	"evidence_reference" text NOT NULL,
	"lawful_basis" text NOT NULL,
	"given_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"recorded_by_user_id" uuid,
	"recorded_at" timestamp with time zone NOT NULL,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_by" text,
	"withdrawal_form" text,
	"withdrawal_reference" text,
	"withdrawal_recorded_by_user_id" uuid,
	CONSTRAINT "consent_partnership_id_id_pk" PRIMARY KEY("partnership_id","id"),
	CONSTRAINT "consent_given_by" CHECK ("consent"."given_by" in ('child', 'person_with_parental_responsibility')),
	CONSTRAINT "consent_child_competence" CHECK ("consent"."given_by" <> 'child' or ("consent"."competence_assessed_by" is not null and "consent"."competence_assessed_at" is not null and "consent"."competence_test" in ('gillick', 'fraser'))),
	CONSTRAINT "consent_parental_responsibility" CHECK ("consent"."given_by" <> 'person_with_parental_responsibility' or ("consent"."giver_name" is not null and "consent"."giver_relationship" is not null and "consent"."parental_responsibility" is not null)),
	CONSTRAINT "consent_evidence_form" CHECK ("consent"."evidence_form" in ('written', 'verbal')),
	CONSTRAINT "consent_lawful_basis" CHECK ("consent"."lawful_basis" in ('consent', 'engagement')),
	CONSTRAINT "consent_expires_after_given" CHECK ("consent"."expires_at" > "consent"."given_at"),
	CONSTRAINT "consent_one_child" CHECK (cardinality("consent"."subject_ids") > 0),
	CONSTRAINT "consent_scope" CHECK (cardinality("consent"."organisation_ids") > 0 and cardinality("consent"."purposes") > 0 and cardinality("consent"."field_groups") > 0),
	CONSTRAINT "consent_withdrawal_whole" CHECK (("consent"."withdrawn_at" is null) = ("consent"."withdrawn_by" is null) and ("consent"."withdrawn_at" is null) = ("consent"."withdrawal_form" is null))
);
--> statement-breakpoint
ALTER TABLE "access_limit" DROP CONSTRAINT "access_limit_kind";--> statement-breakpoint
ALTER TABLE "consent" ADD CONSTRAINT "consent_partnership_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent" ADD CONSTRAINT "consent_holder_fk" FOREIGN KEY ("partnership_id","holder_organisation_id") REFERENCES "public"."organisation"("partnership_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent" ADD CONSTRAINT "consent_recorded_by_fk" FOREIGN KEY ("partnership_id","recorded_by_user_id") REFERENCES "public"."app_user"("partnership_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent" ADD CONSTRAINT "consent_withdrawal_recorded_by_fk" FOREIGN KEY ("partnership_id","withdrawal_recorded_by_user_id") REFERENCES "public"."app_user"("partnership_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consent_holder" ON "consent" USING btree ("partnership_id","holder_organisation_id");--> statement-breakpoint
ALTER TABLE "access_limit" ADD CONSTRAINT "access_limit_kind" CHECK ("access_limit"."kind" in ('restriction'));