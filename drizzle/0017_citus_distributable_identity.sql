-- Every unique key of a tenant table includes partnership_id, so Citus can distribute it
-- (DESIGN.md section 5). An email stays unique on the whole platform through user_email, which
-- sign-in reads before it knows the partnership.
CREATE TABLE "user_email" (
	"email" text PRIMARY KEY NOT NULL,
	"partnership_id" uuid NOT NULL,
	"user_id" uuid NOT NULL
);
--> statement-breakpoint
INSERT INTO "user_email" ("email", "partnership_id", "user_id") SELECT "email", "partnership_id", "id" FROM "app_user";--> statement-breakpoint
DROP INDEX "user_session_tenant";--> statement-breakpoint
DROP INDEX "app_user_email_unique";--> statement-breakpoint
-- Sessions made before this migration carry no partnership in their token: they end here, and
-- their holders sign in again.
DELETE FROM "user_session";--> statement-breakpoint
ALTER TABLE "user_session" DROP CONSTRAINT "user_session_pkey";--> statement-breakpoint
ALTER TABLE "user_session" ADD CONSTRAINT "user_session_partnership_id_token_hash_pk" PRIMARY KEY("partnership_id","token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "user_email_user" ON "user_email" USING btree ("partnership_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "app_user_email_unique" ON "app_user" USING btree ("partnership_id","email");
