-- DESIGN.md rule 6 (one clock, never two in one decision): an event may carry the instant its act
-- was decided at (the policy's time of judging the agreements), so the log never shows a
-- disclosure stamped by a second clock at a moment the agreements did not allow it. An event
-- that carries none is stamped by the database, as before. The transaction id is still the
-- database's alone: the sealer's order relies on it (0001_audit_append_only.sql).
CREATE OR REPLACE FUNCTION tessera_audit_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.tx_id := (pg_current_xact_id()::text)::bigint;
  NEW.at := coalesce(NEW.at, clock_timestamp());
  RETURN NEW;
END
$$;
