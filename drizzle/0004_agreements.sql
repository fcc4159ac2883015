CREATE TABLE "agreement" (
	"partnership_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"reference" text NOT NULL,
	"tier" text NOT NULL,
	"tier1_agreement_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" text NOT NULL,
	"terminated_at" timestamp with time zone,
	"terminated_by" text,
	"termination_reason" text,
	CONSTRAINT "agreement_partnership_id_id_pk" PRIMARY KEY("partnership_id","id")
);
--> statement-breakpoint
CREATE TABLE "agreement_flow" (
	"partnership_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"agreement_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"from_organisation_ids" uuid[] NOT NULL,
	"to_organisation_ids" uuid[] NOT NULL,
	"purposes" text[] NOT NULL,
	"field_groups" text[] NOT NULL,
	"data_categories" text[] NOT NULL,
	"art6_basis_id" text NOT NULL,
	"art9_condition_id" text,
	"art9_sched1_condition_id" text,
	"art10_condition_id" text,
	"art10_sched1_condition_id" text,
	"statutory_gateway_ids" text[] NOT NULL,
	"confidentiality_gateway_id" text,
	"confidentiality_ground" text,
	"other_gateway_ids" text[] NOT NULL,
	"method" text NOT NULL,
	"method_detail" text,
	"frequency" text NOT NULL,
	"retention" text,
	"dpia_reference" text,
	CONSTRAINT "agreement_flow_partnership_id_id_pk" PRIMARY KEY("partnership_id","id")
);
--> statement-breakpoint
CREATE TABLE "agreement_party" (
	"partnership_id" uuid NOT NULL,
	"agreement_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"organisation_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"contact" text,
	CONSTRAINT "agreement_party_partnership_id_agreement_id_version_organisation_id_pk" PRIMARY KEY("partnership_id","agreement_id","version","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "agreement_reference_counter" (
	"partnership_id" uuid NOT NULL,
	"tier" text NOT NULL,
	"last_number" integer NOT NULL,
	CONSTRAINT "agreement_reference_counter_partnership_id_tier_pk" PRIMARY KEY("partnership_id","tier")
);
--> statement-breakpoint
CREATE TABLE "agreement_signature" (
	"partnership_id" uuid NOT NULL,
	"agreement_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"organisation_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"membership_id" uuid NOT NULL,
	"role" text NOT NULL,
	"signer_name" text NOT NULL,
	"signed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "agreement_signature_partnership_id_agreement_id_version_organisation_id_pk" PRIMARY KEY("partnership_id","agreement_id","version","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "agreement_suspension" (
	"partnership_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"agreement_id" uuid NOT NULL,
	"suspended_at" timestamp with time zone NOT NULL,
	"suspended_by" text NOT NULL,
	"reason" text NOT NULL,
	"resumed_at" timestamp with time zone,
	"resumed_by" text,
	CONSTRAINT "agreement_suspension_partnership_id_id_pk" PRIMARY KEY("partnership_id","id")
);
--> statement-breakpoint
CREATE TABLE "agreement_version" (
	"partnership_id" uuid NOT NULL,
	"agreement_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"status" text NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"purposes" text[] NOT NULL,
	"start_date" date NOT NULL,
	"review_date" date NOT NULL,
	"end_date" date,
	"security" text NOT NULL,
	"retention" text NOT NULL,
	"rights" text NOT NULL,
	"gateway_ids" text[] NOT NULL,
	"data_categories" text[] NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" text NOT NULL,
	"submitted_at" timestamp with time zone,
	"activated_at" timestamp with time zone,
	"superseded_at" timestamp with time zone,
	CONSTRAINT "agreement_version_partnership_id_agreement_id_version_pk" PRIMARY KEY("partnership_id","agreement_id","version")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "agreement_reference_unique" ON "agreement" USING btree ("partnership_id","reference");--> statement-breakpoint
CREATE INDEX "agreement_tier1" ON "agreement" USING btree ("partnership_id","tier1_agreement_id");--> statement-breakpoint
CREATE UNIQUE INDEX "agreement_flow_position" ON "agreement_flow" USING btree ("partnership_id","agreement_id","version","position");--> statement-breakpoint
CREATE UNIQUE INDEX "agreement_suspension_open" ON "agreement_suspension" USING btree ("partnership_id","agreement_id") WHERE "agreement_suspension"."resumed_at" is null;