-- Record versions and tombstones (domain/records/schema.ts; DESIGN.md rule 8: nothing
-- overwritten, an erased item leaves a tombstone). The database, not only ingest, keeps them:
-- an item moves only to its next version, a version is never edited, and an item or its
-- versions go only once a tombstone names the item (the erasure, UK GDPR Art 17).
CREATE FUNCTION tessera_record_forbid(message text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '%', message USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE FUNCTION tessera_record_is_erased(p uuid, r uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT EXISTS (SELECT 1 FROM subject_record_tombstone t WHERE t.partnership_id = p AND t.record_id = r)
$$;
--> statement-breakpoint
CREATE FUNCTION tessera_record_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF NOT tessera_record_is_erased(OLD.partnership_id, OLD.id) THEN
      PERFORM tessera_record_forbid('a record is deleted only by its erasure, which leaves a tombstone');
    END IF;
    RETURN OLD;
  END IF;
  IF (NEW.partnership_id, NEW.id, NEW.organisation_id, NEW.external_id)
     IS DISTINCT FROM (OLD.partnership_id, OLD.id, OLD.organisation_id, OLD.external_id) THEN
    PERFORM tessera_record_forbid('a record''s identity cannot be changed');
  END IF;
  IF NEW.version IS DISTINCT FROM OLD.version + 1 THEN
    PERFORM tessera_record_forbid('a record is never changed in place: a change appends its next version');
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER subject_record_guard BEFORE UPDATE OR DELETE ON subject_record FOR EACH ROW EXECUTE FUNCTION tessera_record_guard();
--> statement-breakpoint
CREATE FUNCTION tessera_record_version_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND tessera_record_is_erased(OLD.partnership_id, OLD.record_id) THEN
    RETURN OLD;
  END IF;
  PERFORM tessera_record_forbid(format('record versions are insert-only: %s is allowed only by an erasure', TG_OP));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER subject_record_version_insert_only BEFORE UPDATE OR DELETE ON subject_record_version FOR EACH ROW EXECUTE FUNCTION tessera_record_version_guard();
--> statement-breakpoint
CREATE FUNCTION tessera_record_forbid_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM tessera_record_forbid(format('%s on %s is not allowed', TG_OP, TG_TABLE_NAME));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER subject_record_version_no_truncate BEFORE TRUNCATE ON subject_record_version FOR EACH STATEMENT EXECUTE FUNCTION tessera_record_forbid_change();
--> statement-breakpoint
-- A tombstone is kept for good: removing it would let a feed load the erased item again.
CREATE TRIGGER subject_record_tombstone_insert_only BEFORE UPDATE OR DELETE ON subject_record_tombstone FOR EACH ROW EXECUTE FUNCTION tessera_record_forbid_change();
--> statement-breakpoint
CREATE TRIGGER subject_record_tombstone_no_truncate BEFORE TRUNCATE ON subject_record_tombstone FOR EACH STATEMENT EXECUTE FUNCTION tessera_record_forbid_change();
--> statement-breakpoint
-- Records held before versions existed: their content now is their version 1.
INSERT INTO subject_record_version (partnership_id, record_id, version, subject_id, organisation_id, field_group,
  kind, payload, event_date, fact_or_opinion, source_reference, content_hash, ingest_run_id, recorded_at)
SELECT partnership_id, id, version, subject_id, organisation_id, field_group, kind, payload, event_date,
  fact_or_opinion, source_reference, content_hash, ingest_run_id, recorded_at
FROM subject_record;
