ALTER TABLE "membership" ADD COLUMN "granted_by" text;--> statement-breakpoint
ALTER TABLE "membership" ADD COLUMN "ended_by" text;--> statement-breakpoint
CREATE INDEX "membership_organisation" ON "membership" USING btree ("partnership_id","organisation_id","created_at");