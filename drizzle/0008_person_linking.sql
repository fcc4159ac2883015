CREATE TABLE "link_decision" (
	"partnership_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"kind" text NOT NULL,
	"review_id" uuid,
	"undoes_decision_id" uuid,
	"decided_at" timestamp with time zone NOT NULL,
	"decided_by" text NOT NULL,
	"reason" text,
	CONSTRAINT "link_decision_partnership_id_id_pk" PRIMARY KEY("partnership_id","id")
);
--> statement-breakpoint
CREATE TABLE "link_move" (
	"partnership_id" uuid NOT NULL,
	"decision_id" uuid NOT NULL,
	"agency_person_id" uuid NOT NULL,
	"from_person_id" uuid,
	"from_probability" double precision,
	"from_linked_by" text,
	"to_person_id" uuid NOT NULL,
	"to_probability" double precision NOT NULL,
	"to_linked_by" text NOT NULL,
	CONSTRAINT "link_move_partnership_id_decision_id_agency_person_id_pk" PRIMARY KEY("partnership_id","decision_id","agency_person_id")
);
--> statement-breakpoint
CREATE TABLE "link_review" (
	"partnership_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"agency_person_id" uuid NOT NULL,
	"candidate_agency_person_id" uuid NOT NULL,
	"match_weight" double precision NOT NULL,
	"match_probability" double precision NOT NULL,
	"reason" text NOT NULL,
	"model_id" uuid NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"decision_id" uuid,
	CONSTRAINT "link_review_partnership_id_id_pk" PRIMARY KEY("partnership_id","id"),
	CONSTRAINT "link_review_status_known" CHECK ("link_review"."status" in ('pending', 'confirmed', 'rejected', 'undone'))
);
--> statement-breakpoint
CREATE TABLE "linkage_model" (
	"partnership_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"fitted_at" timestamp with time zone NOT NULL,
	"held_count" integer NOT NULL,
	"model" jsonb NOT NULL,
	"rules" jsonb NOT NULL,
	"merge_weight" double precision NOT NULL,
	"review_weight" double precision NOT NULL,
	CONSTRAINT "linkage_model_partnership_id_id_pk" PRIMARY KEY("partnership_id","id")
);
--> statement-breakpoint
CREATE INDEX "link_decision_review" ON "link_decision" USING btree ("partnership_id","review_id");--> statement-breakpoint
CREATE UNIQUE INDEX "link_review_pair" ON "link_review" USING btree ("partnership_id","agency_person_id","candidate_agency_person_id");--> statement-breakpoint
CREATE INDEX "link_review_status" ON "link_review" USING btree ("partnership_id","status","created_at");--> statement-breakpoint
CREATE INDEX "linkage_model_latest" ON "linkage_model" USING btree ("partnership_id","fitted_at");