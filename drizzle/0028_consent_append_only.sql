-- Consents are append-only (domain/consent/schema.ts): a consent is evidence of what a person
-- agreed to and when (UK GDPR Art 7(1): the controller must be able to show it), so a row is
-- never deleted or edited; its one change is its withdrawal, recorded once (Art 7(3)).
CREATE FUNCTION tessera_consent_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  withdrawal text[] := array['withdrawn_at', 'withdrawn_by', 'withdrawal_form', 'withdrawal_reference',
                             'withdrawal_recorded_by_user_id'];
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.withdrawn_at IS NULL AND NEW.withdrawn_at IS NOT NULL
     AND (to_jsonb(NEW) - withdrawal) = (to_jsonb(OLD) - withdrawal) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'a consent is never changed or deleted: its one change is its withdrawal, once'
    USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER consent_append_only BEFORE UPDATE OR DELETE ON consent FOR EACH ROW EXECUTE FUNCTION tessera_consent_guard();
--> statement-breakpoint
CREATE TRIGGER consent_no_truncate BEFORE TRUNCATE ON consent FOR EACH STATEMENT EXECUTE FUNCTION tessera_record_forbid_change();
