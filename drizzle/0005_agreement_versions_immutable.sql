-- Agreements keep their history for good (domain/agreements/schema.ts). What a party signed is
-- never edited: a version's text is frozen once it leaves draft, its status only moves forward,
-- signatures and suspensions are never rewritten, and nothing is deleted except draft parts.
CREATE FUNCTION tessera_agreement_forbid(message text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '%', message USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE FUNCTION tessera_agreement_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM tessera_agreement_forbid('agreements are kept for good');
  END IF;
  IF (NEW.partnership_id, NEW.id, NEW.reference, NEW.tier, NEW.tier1_agreement_id, NEW.created_at, NEW.created_by)
     IS DISTINCT FROM (OLD.partnership_id, OLD.id, OLD.reference, OLD.tier, OLD.tier1_agreement_id, OLD.created_at, OLD.created_by)
     OR (OLD.terminated_at IS NOT NULL AND (NEW.terminated_at, NEW.terminated_by, NEW.termination_reason)
         IS DISTINCT FROM (OLD.terminated_at, OLD.terminated_by, OLD.termination_reason)) THEN
    PERFORM tessera_agreement_forbid('an agreement''s identity and termination cannot be changed');
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER agreement_guard BEFORE UPDATE OR DELETE ON agreement FOR EACH ROW EXECUTE FUNCTION tessera_agreement_guard();
--> statement-breakpoint
CREATE FUNCTION tessera_agreement_version_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM tessera_agreement_forbid('agreement versions are kept for good');
  END IF;
  IF (NEW.partnership_id, NEW.agreement_id, NEW.version, NEW.created_at, NEW.created_by)
     IS DISTINCT FROM (OLD.partnership_id, OLD.agreement_id, OLD.version, OLD.created_at, OLD.created_by) THEN
    PERFORM tessera_agreement_forbid('an agreement version''s identity cannot be changed');
  END IF;
  IF OLD.status <> 'draft' AND (NEW.title, NEW.summary, NEW.purposes, NEW.start_date, NEW.review_date, NEW.end_date,
       NEW.security, NEW.retention, NEW.rights, NEW.gateway_ids, NEW.data_categories)
     IS DISTINCT FROM (OLD.title, OLD.summary, OLD.purposes, OLD.start_date, OLD.review_date, OLD.end_date,
       OLD.security, OLD.retention, OLD.rights, OLD.gateway_ids, OLD.data_categories) THEN
    PERFORM tessera_agreement_forbid('a version that has left draft is never edited: amend the agreement');
  END IF;
  IF NOT (NEW.status = OLD.status
          OR (OLD.status = 'draft' AND NEW.status = 'awaiting_signatures')
          OR (OLD.status = 'awaiting_signatures' AND NEW.status = 'active')
          OR (OLD.status = 'active' AND NEW.status = 'superseded')) THEN
    PERFORM tessera_agreement_forbid(format('a version cannot go from %s to %s', OLD.status, NEW.status));
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER agreement_version_guard BEFORE UPDATE OR DELETE ON agreement_version FOR EACH ROW EXECUTE FUNCTION tessera_agreement_version_guard();
--> statement-breakpoint
-- Parties and flows change only while their version is a draft.
CREATE FUNCTION tessera_agreement_draft_part_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  r record;
BEGIN
  IF TG_OP = 'DELETE' THEN r := OLD; ELSE r := NEW; END IF;
  IF NOT EXISTS (SELECT 1 FROM agreement_version v
                 WHERE v.partnership_id = r.partnership_id AND v.agreement_id = r.agreement_id
                   AND v.version = r.version AND v.status = 'draft') THEN
    PERFORM tessera_agreement_forbid(format('%s of a version that has left draft cannot be changed', TG_TABLE_NAME));
  END IF;
  RETURN r;
END
$$;
--> statement-breakpoint
CREATE TRIGGER agreement_party_draft_only BEFORE INSERT OR UPDATE OR DELETE ON agreement_party FOR EACH ROW EXECUTE FUNCTION tessera_agreement_draft_part_guard();
--> statement-breakpoint
CREATE TRIGGER agreement_flow_draft_only BEFORE INSERT OR UPDATE OR DELETE ON agreement_flow FOR EACH ROW EXECUTE FUNCTION tessera_agreement_draft_part_guard();
--> statement-breakpoint
CREATE FUNCTION tessera_agreement_signature_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    PERFORM tessera_agreement_forbid('signatures are never changed or removed');
  END IF;
  IF NOT EXISTS (SELECT 1 FROM agreement_version v
                 WHERE v.partnership_id = NEW.partnership_id AND v.agreement_id = NEW.agreement_id
                   AND v.version = NEW.version AND v.status = 'awaiting_signatures') THEN
    PERFORM tessera_agreement_forbid('only a version awaiting signatures can be signed');
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER agreement_signature_guard BEFORE INSERT OR UPDATE OR DELETE ON agreement_signature FOR EACH ROW EXECUTE FUNCTION tessera_agreement_signature_guard();
--> statement-breakpoint
CREATE FUNCTION tessera_agreement_suspension_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR OLD.resumed_at IS NOT NULL
     OR (NEW.partnership_id, NEW.id, NEW.agreement_id, NEW.suspended_at, NEW.suspended_by, NEW.reason)
        IS DISTINCT FROM (OLD.partnership_id, OLD.id, OLD.agreement_id, OLD.suspended_at, OLD.suspended_by, OLD.reason) THEN
    PERFORM tessera_agreement_forbid('a suspension can only be ended, never rewritten or removed');
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER agreement_suspension_guard BEFORE UPDATE OR DELETE ON agreement_suspension FOR EACH ROW EXECUTE FUNCTION tessera_agreement_suspension_guard();
