-- The scoped reader caches each partnership's compiled policy and checks it against
-- agreement_policy_generation on every read (domain/policy/policy-cache.ts). The counter moves in
-- the same transaction as any change to any agreement table, made here rather than in each use
-- case so that no write path (a new use case, the demo seed, a repair by hand) can leave a cached
-- policy in use after the agreements behind it changed. Drafts count too: cheaper to recompile
-- now and then than to reason about which change can alter the flows in force.
CREATE FUNCTION tessera_agreement_policy_generation_bump() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  p uuid;
BEGIN
  IF TG_OP = 'DELETE' THEN p := OLD.partnership_id; ELSE p := NEW.partnership_id; END IF;
  INSERT INTO agreement_policy_generation AS g (partnership_id, generation) VALUES (p, 1)
    ON CONFLICT (partnership_id) DO UPDATE SET generation = g.generation + 1;
  IF TG_OP = 'UPDATE' AND OLD.partnership_id IS DISTINCT FROM NEW.partnership_id THEN
    INSERT INTO agreement_policy_generation AS g (partnership_id, generation) VALUES (OLD.partnership_id, 1)
      ON CONFLICT (partnership_id) DO UPDATE SET generation = g.generation + 1;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER agreement_policy_generation AFTER INSERT OR UPDATE OR DELETE ON agreement FOR EACH ROW EXECUTE FUNCTION tessera_agreement_policy_generation_bump();
--> statement-breakpoint
CREATE TRIGGER agreement_version_policy_generation AFTER INSERT OR UPDATE OR DELETE ON agreement_version FOR EACH ROW EXECUTE FUNCTION tessera_agreement_policy_generation_bump();
--> statement-breakpoint
CREATE TRIGGER agreement_party_policy_generation AFTER INSERT OR UPDATE OR DELETE ON agreement_party FOR EACH ROW EXECUTE FUNCTION tessera_agreement_policy_generation_bump();
--> statement-breakpoint
CREATE TRIGGER agreement_flow_policy_generation AFTER INSERT OR UPDATE OR DELETE ON agreement_flow FOR EACH ROW EXECUTE FUNCTION tessera_agreement_policy_generation_bump();
--> statement-breakpoint
CREATE TRIGGER agreement_signature_policy_generation AFTER INSERT OR UPDATE OR DELETE ON agreement_signature FOR EACH ROW EXECUTE FUNCTION tessera_agreement_policy_generation_bump();
--> statement-breakpoint
CREATE TRIGGER agreement_suspension_policy_generation AFTER INSERT OR UPDATE OR DELETE ON agreement_suspension FOR EACH ROW EXECUTE FUNCTION tessera_agreement_policy_generation_bump();
