-- Decision records are append-only (issue 16 point 3; DESIGN.md rule 3): a correction or a
-- reopening is a new row linked to the one it follows, never an edit, so what was decided, on
-- what basis and why stays as it was recorded. Only the database can promise that to a DPO or
-- a court: these triggers refuse every update, delete and truncate, whoever asks.
CREATE FUNCTION tessera_decision_record_forbid() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'decision records are append-only: % is not allowed (record a correction instead)', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER decision_record_insert_only BEFORE UPDATE OR DELETE ON decision_record FOR EACH ROW EXECUTE FUNCTION tessera_decision_record_forbid();
--> statement-breakpoint
CREATE TRIGGER decision_record_no_truncate BEFORE TRUNCATE ON decision_record FOR EACH STATEMENT EXECUTE FUNCTION tessera_decision_record_forbid();
