CREATE TABLE "alert" (
	"partnership_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"kind" text NOT NULL,
	"recipient_organisation_id" uuid NOT NULL,
	"recipient_user_id" uuid,
	"recipient_role" text,
	"subject_id" text,
	"content" jsonb NOT NULL,
	"source_type" text NOT NULL,
	"source_id" text NOT NULL,
	"dedupe_key" text NOT NULL,
	"raised_at" timestamp with time zone NOT NULL,
	"acknowledge_by" timestamp with time zone,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by_user_id" uuid,
	CONSTRAINT "alert_partnership_id_id_pk" PRIMARY KEY("partnership_id","id")
);
--> statement-breakpoint
ALTER TABLE "alert" ADD CONSTRAINT "alert_partnership_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert" ADD CONSTRAINT "alert_recipient_organisation_fk" FOREIGN KEY ("partnership_id","recipient_organisation_id") REFERENCES "public"."organisation"("partnership_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert" ADD CONSTRAINT "alert_recipient_user_fk" FOREIGN KEY ("partnership_id","recipient_user_id") REFERENCES "public"."app_user"("partnership_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert" ADD CONSTRAINT "alert_acknowledged_by_fk" FOREIGN KEY ("partnership_id","acknowledged_by_user_id") REFERENCES "public"."app_user"("partnership_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "alert_inbox" ON "alert" USING btree ("partnership_id","recipient_organisation_id","acknowledged_at","raised_at");--> statement-breakpoint
CREATE UNIQUE INDEX "alert_dedupe" ON "alert" USING btree ("partnership_id","dedupe_key");--> statement-breakpoint
CREATE INDEX "alert_source" ON "alert" USING btree ("partnership_id","source_type","source_id");