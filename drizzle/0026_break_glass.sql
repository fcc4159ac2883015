CREATE TABLE "break_glass" (
	"partnership_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"role" text NOT NULL,
	"person_id" uuid NOT NULL,
	"grant_id" uuid NOT NULL,
	"reason_code" text NOT NULL,
	"reason_text" text NOT NULL,
	"set_aside_limit_ids" uuid[] NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "break_glass_partnership_id_id_pk" PRIMARY KEY("partnership_id","id"),
	CONSTRAINT "break_glass_expires_after_start" CHECK ("break_glass"."expires_at" > "break_glass"."started_at")
);
--> statement-breakpoint
CREATE TABLE "break_glass_review" (
	"partnership_id" uuid NOT NULL,
	"break_glass_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"status" text NOT NULL,
	"outcome" text,
	"notes" text,
	"reviewed_by_user_id" uuid,
	"reviewed_at" timestamp with time zone,
	CONSTRAINT "break_glass_review_partnership_id_break_glass_id_organisation_id_pk" PRIMARY KEY("partnership_id","break_glass_id","organisation_id"),
	CONSTRAINT "break_glass_review_status" CHECK ("break_glass_review"."status" in ('pending', 'reviewed')),
	CONSTRAINT "break_glass_review_outcome" CHECK ("break_glass_review"."outcome" is null or "break_glass_review"."outcome" in ('justified', 'not_justified_referred', 'needs_more_information'))
);
--> statement-breakpoint
ALTER TABLE "break_glass" ADD CONSTRAINT "break_glass_partnership_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "break_glass" ADD CONSTRAINT "break_glass_user_fk" FOREIGN KEY ("partnership_id","user_id") REFERENCES "public"."app_user"("partnership_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "break_glass" ADD CONSTRAINT "break_glass_organisation_fk" FOREIGN KEY ("partnership_id","organisation_id") REFERENCES "public"."organisation"("partnership_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "break_glass" ADD CONSTRAINT "break_glass_grant_fk" FOREIGN KEY ("partnership_id","grant_id") REFERENCES "public"."access_grant"("partnership_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "break_glass_review" ADD CONSTRAINT "break_glass_review_break_glass_fk" FOREIGN KEY ("partnership_id","break_glass_id") REFERENCES "public"."break_glass"("partnership_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "break_glass_review" ADD CONSTRAINT "break_glass_review_organisation_fk" FOREIGN KEY ("partnership_id","organisation_id") REFERENCES "public"."organisation"("partnership_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "break_glass_review" ADD CONSTRAINT "break_glass_review_reviewer_fk" FOREIGN KEY ("partnership_id","reviewed_by_user_id") REFERENCES "public"."app_user"("partnership_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "break_glass_user_started" ON "break_glass" USING btree ("partnership_id","user_id","started_at");--> statement-breakpoint
CREATE INDEX "break_glass_review_queue" ON "break_glass_review" USING btree ("partnership_id","organisation_id","status");