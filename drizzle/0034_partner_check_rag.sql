-- Each check takes its request's rating; checks made before this migration are filled from their request.
ALTER TABLE "partner_check" ADD COLUMN "rag" text;--> statement-breakpoint
UPDATE "partner_check" pc SET "rag" = r."rag" FROM "information_request" r WHERE r."partnership_id" = pc."partnership_id" AND r."id" = pc."request_id";--> statement-breakpoint
ALTER TABLE "partner_check" ALTER COLUMN "rag" SET NOT NULL;--> statement-breakpoint
CREATE INDEX "partner_check_waiting_rag" ON "partner_check" USING btree ("partnership_id","organisation_id","rag","due_at") WHERE closed_at is null;
