CREATE TABLE "access_grant" (
	"partnership_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"kind" text NOT NULL,
	"grantee_organisation_id" uuid NOT NULL,
	"grantee_user_id" uuid,
	"purpose" text,
	"holder_organisation_id" uuid,
	"subject_ids" text[] NOT NULL,
	"field_groups" text[],
	"basis_gateway_ids" text[] NOT NULL,
	"reason" text NOT NULL,
	"source_id" uuid,
	"created_by_user_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by_user_id" uuid,
	CONSTRAINT "access_grant_partnership_id_id_pk" PRIMARY KEY("partnership_id","id"),
	CONSTRAINT "access_grant_kind" CHECK ("access_grant"."kind" in ('disclosure', 'break_glass')),
	CONSTRAINT "access_grant_expires_after_start" CHECK ("access_grant"."expires_at" > "access_grant"."starts_at"),
	CONSTRAINT "access_grant_one_child" CHECK (cardinality("access_grant"."subject_ids") > 0),
	CONSTRAINT "access_grant_disclosure_shape" CHECK ("access_grant"."kind" <> 'disclosure' or ("access_grant"."holder_organisation_id" is not null and "access_grant"."field_groups" is not null)),
	CONSTRAINT "access_grant_break_glass_user" CHECK ("access_grant"."kind" <> 'break_glass' or "access_grant"."grantee_user_id" is not null)
);
--> statement-breakpoint
CREATE TABLE "access_limit" (
	"partnership_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"kind" text NOT NULL,
	"holder_organisation_id" uuid NOT NULL,
	"subject_id" text NOT NULL,
	"record_id" uuid,
	"field_groups" text[],
	"reason" text NOT NULL,
	"created_by_user_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"lifted_at" timestamp with time zone,
	"lifted_by_user_id" uuid,
	CONSTRAINT "access_limit_partnership_id_id_pk" PRIMARY KEY("partnership_id","id"),
	CONSTRAINT "access_limit_kind" CHECK ("access_limit"."kind" in ('restriction', 'consent_withdrawn'))
);
--> statement-breakpoint
CREATE INDEX "access_grant_grantee" ON "access_grant" USING btree ("partnership_id","grantee_organisation_id","expires_at");--> statement-breakpoint
CREATE INDEX "access_limit_subject" ON "access_limit" USING btree ("partnership_id","subject_id");