CREATE INDEX "agency_person_nhs_number" ON "agency_person" USING btree ("partnership_id","nhs_number");--> statement-breakpoint
CREATE INDEX "agency_person_upn" ON "agency_person" USING btree ("partnership_id",upper("upn"));--> statement-breakpoint
CREATE INDEX "agency_person_dob" ON "agency_person" USING btree ("partnership_id","dob");--> statement-breakpoint
CREATE INDEX "agency_person_name_words" ON "agency_person" USING gin (string_to_array(lower(coalesce("first_name", '') || ' ' || coalesce("middle_names", '') || ' ' || coalesce("last_name", '')), ' '));