CREATE TABLE "audit_chain" (
	"partnership_id" uuid NOT NULL,
	"seq" bigint NOT NULL,
	"event_id" bigint NOT NULL,
	"event_tx_id" bigint NOT NULL,
	"event_digest" text NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "audit_chain_partnership_id_seq_pk" PRIMARY KEY("partnership_id","seq")
);
--> statement-breakpoint
CREATE TABLE "audit_checkpoint" (
	"partnership_id" uuid NOT NULL,
	"seq_to" bigint NOT NULL,
	"seq_from" bigint NOT NULL,
	"event_count" integer NOT NULL,
	"merkle_root" text NOT NULL,
	"chain_head" text NOT NULL,
	"key_id" text NOT NULL,
	"signature" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
	CONSTRAINT "audit_checkpoint_partnership_id_seq_to_pk" PRIMARY KEY("partnership_id","seq_to")
);
--> statement-breakpoint
CREATE TABLE "audit_event" (
	"partnership_id" uuid NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "audit_event_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"tx_id" bigint DEFAULT (pg_current_xact_id()::text)::bigint NOT NULL,
	"at" timestamp (6) with time zone DEFAULT clock_timestamp() NOT NULL,
	"actor_type" text NOT NULL,
	"actor_id" text,
	"actor_organisation_id" uuid,
	"actor_role" text,
	"action" text NOT NULL,
	"outcome" text NOT NULL,
	"subject_type" text,
	"subject_id" text,
	"purpose" text,
	"agreement_id" text,
	"disclosed" jsonb,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"request_id" text,
	CONSTRAINT "audit_event_partnership_id_id_pk" PRIMARY KEY("partnership_id","id")
);
--> statement-breakpoint
CREATE TABLE "user_session" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"partnership_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"membership_id" uuid NOT NULL,
	"csrf_token" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "app_user" (
	"partnership_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"email" text NOT NULL,
	"display_name" text NOT NULL,
	"password_hash" text NOT NULL,
	"password_changed_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "app_user_partnership_id_id_pk" PRIMARY KEY("partnership_id","id")
);
--> statement-breakpoint
CREATE TABLE "membership" (
	"partnership_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"role" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone,
	CONSTRAINT "membership_partnership_id_id_pk" PRIMARY KEY("partnership_id","id")
);
--> statement-breakpoint
CREATE TABLE "organisation" (
	"partnership_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisation_partnership_id_id_pk" PRIMARY KEY("partnership_id","id")
);
--> statement-breakpoint
CREATE TABLE "partnership" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "audit_chain_event" ON "audit_chain" USING btree ("partnership_id","event_id");--> statement-breakpoint
CREATE INDEX "audit_event_seal_order" ON "audit_event" USING btree ("partnership_id","tx_id","id");--> statement-breakpoint
CREATE INDEX "audit_event_subject" ON "audit_event" USING btree ("partnership_id","subject_type","subject_id","at");--> statement-breakpoint
CREATE INDEX "audit_event_actor" ON "audit_event" USING btree ("partnership_id","actor_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "user_session_tenant" ON "user_session" USING btree ("partnership_id","token_hash");--> statement-breakpoint
CREATE INDEX "user_session_user" ON "user_session" USING btree ("partnership_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "app_user_email_unique" ON "app_user" USING btree ("email");--> statement-breakpoint
CREATE UNIQUE INDEX "membership_active_unique" ON "membership" USING btree ("partnership_id","user_id","organisation_id","role") WHERE "membership"."ended_at" is null;--> statement-breakpoint
CREATE INDEX "membership_user" ON "membership" USING btree ("partnership_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "organisation_name_unique" ON "organisation" USING btree ("partnership_id",lower("name"));