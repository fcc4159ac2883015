ALTER TABLE "information_request" ADD COLUMN "respond_by" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "partner_check" ADD COLUMN "messages" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "partner_check" ADD COLUMN "closed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "partner_check" ADD COLUMN "closed_by" uuid;--> statement-breakpoint
ALTER TABLE "partner_check" ADD COLUMN "decision_id" uuid;--> statement-breakpoint
ALTER TABLE "partner_check" ADD COLUMN "refusal" jsonb;--> statement-breakpoint
ALTER TABLE "partner_check" ADD CONSTRAINT "partner_check_closed_by_fk" FOREIGN KEY ("partnership_id","closed_by") REFERENCES "public"."app_user"("partnership_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "partner_check_waiting" ON "partner_check" USING btree ("partnership_id","organisation_id","due_at") WHERE closed_at is null;