ALTER TABLE "person_link" ADD COLUMN "evaluated_hash" text;--> statement-breakpoint
-- Links made before this column existed were evaluated on the record as it is now.
UPDATE "person_link" SET "evaluated_hash" = ap."content_hash" FROM "agency_person" ap WHERE ap."partnership_id" = "person_link"."partnership_id" AND ap."id" = "person_link"."agency_person_id";
