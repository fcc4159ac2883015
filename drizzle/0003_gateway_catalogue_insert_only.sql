-- A catalogue version, once written, is never changed: agreements and decision records cite the
-- version whose wording they relied on. A new catalogue is a new version (an import), never an
-- edit. Refused for every role, on PGlite and PostgreSQL; reads nothing, so it is safe on a
-- Citus reference table (DESIGN.md section 5).
CREATE FUNCTION tessera_gateway_catalogue_forbid_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'gateway catalogue versions are insert-only: % on % is not allowed', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER gateway_catalogue_version_insert_only BEFORE UPDATE OR DELETE ON gateway_catalogue_version FOR EACH ROW EXECUTE FUNCTION tessera_gateway_catalogue_forbid_change();
--> statement-breakpoint
CREATE TRIGGER gateway_catalogue_version_no_truncate BEFORE TRUNCATE ON gateway_catalogue_version FOR EACH STATEMENT EXECUTE FUNCTION tessera_gateway_catalogue_forbid_change();
--> statement-breakpoint
CREATE TRIGGER gateway_insert_only BEFORE UPDATE OR DELETE ON gateway FOR EACH ROW EXECUTE FUNCTION tessera_gateway_catalogue_forbid_change();
--> statement-breakpoint
CREATE TRIGGER gateway_no_truncate BEFORE TRUNCATE ON gateway FOR EACH STATEMENT EXECUTE FUNCTION tessera_gateway_catalogue_forbid_change();
