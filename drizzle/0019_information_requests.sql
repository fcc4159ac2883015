CREATE TABLE "information_request" (
	"partnership_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"requester_organisation_id" uuid NOT NULL,
	"requester_user_id" uuid NOT NULL,
	"child" jsonb NOT NULL,
	"purpose" text NOT NULL,
	"gateway_id" text NOT NULL,
	"rag" text NOT NULL,
	"question" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "information_request_partnership_id_id_pk" PRIMARY KEY("partnership_id","id")
);
--> statement-breakpoint
CREATE TABLE "partner_check" (
	"partnership_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"status" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"stops" jsonb NOT NULL,
	"due_at" timestamp with time zone,
	"escalate_at" timestamp with time zone,
	CONSTRAINT "partner_check_partnership_id_request_id_organisation_id_pk" PRIMARY KEY("partnership_id","request_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "rag_timescales" (
	"partnership_id" uuid PRIMARY KEY NOT NULL,
	"settings" jsonb NOT NULL,
	"set_at" timestamp with time zone NOT NULL,
	"set_by" uuid
);
--> statement-breakpoint
ALTER TABLE "partner_check" ADD CONSTRAINT "partner_check_partnership_id_request_id_information_request_partnership_id_id_fk" FOREIGN KEY ("partnership_id","request_id") REFERENCES "public"."information_request"("partnership_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "information_request_requester" ON "information_request" USING btree ("partnership_id","requester_organisation_id","created_at");--> statement-breakpoint
CREATE INDEX "partner_check_inbox" ON "partner_check" USING btree ("partnership_id","organisation_id","status","due_at");