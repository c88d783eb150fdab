ALTER TABLE "audit_events" ADD COLUMN "chain_seq" bigint;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "prev_hash" text;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "row_hash" text;--> statement-breakpoint
CREATE UNIQUE INDEX "audit_events_chain_seq_idx" ON "audit_events" USING btree ("chain_seq");--> statement-breakpoint
-- Tamper evidence for the audit log (issue 14). One head row holds the last link; the BEFORE INSERT
-- trigger updates it, so its row lock orders concurrent inserts (on PostgreSQL as on PGlite) and each row
-- chains onto the row committed before it. The trigger runs as the owner (SECURITY DEFINER): the
-- application role has no rights on the head and cannot choose its row's hashes.
CREATE TABLE audit_chain_head (
  only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
  seq bigint NOT NULL,
  hash text NOT NULL
);
--> statement-breakpoint
-- The hash of one row: sha256 over the previous row's hash and the row's fields as a JSON array (jsonb's
-- text form is canonical; the time in microseconds since the epoch, so no time zone setting changes it).
CREATE OR REPLACE FUNCTION audit_event_hash(prev text, seq bigint, r audit_events) RETURNS text AS $$
  SELECT encode(sha256(convert_to(prev || '|' || jsonb_build_array(seq, floor(extract(epoch FROM r.at) * 1000000)::bigint, r.actor_type, r.actor_id, r.action, r.target_type, r.target_id, r.ip, r.request_id, r.detail)::text, 'UTF8')), 'hex')
$$ LANGUAGE sql IMMUTABLE;
--> statement-breakpoint
DO $$
DECLARE
  r audit_events;
  h text := '';
  n bigint := 0;
BEGIN
  ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_delete;
  FOR r IN SELECT * FROM audit_events ORDER BY id LOOP
    n := n + 1;
    UPDATE audit_events SET chain_seq = n, prev_hash = h, row_hash = audit_event_hash(h, n, r) WHERE id = r.id;
    h := audit_event_hash(h, n, r);
  END LOOP;
  ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update_delete;
  INSERT INTO audit_chain_head (only_row, seq, hash) VALUES (true, n, h);
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_events_chain() RETURNS trigger AS $$
DECLARE
  head audit_chain_head%ROWTYPE;
BEGIN
  UPDATE audit_chain_head SET seq = seq + 1 WHERE only_row RETURNING * INTO head;
  NEW.chain_seq := head.seq;
  NEW.prev_hash := head.hash;
  NEW.row_hash := audit_event_hash(head.hash, head.seq, NEW);
  UPDATE audit_chain_head SET hash = NEW.row_hash WHERE only_row;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp;
--> statement-breakpoint
CREATE TRIGGER audit_events_chain BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION audit_events_chain();
--> statement-breakpoint
-- The application role: DML on every table, but INSERT and SELECT only on audit_events and nothing on
-- the chain head. A login used by the application is made a member (GRANT xinyuan_app TO <login>); the
-- tables stay owned by the role that runs migrations (MIGRATION_DATABASE_URL). Default privileges give
-- the tables later migrations create to the same role.
DO $$
BEGIN
  BEGIN
    CREATE ROLE xinyuan_app NOLOGIN;
  EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
  END;
  GRANT USAGE ON SCHEMA public TO xinyuan_app;
  GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO xinyuan_app;
  REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM xinyuan_app;
  REVOKE ALL ON audit_chain_head FROM xinyuan_app;
  REVOKE ALL ON FUNCTION audit_events_chain() FROM PUBLIC;
  GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO xinyuan_app;
  ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO xinyuan_app;
  ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO xinyuan_app;
EXCEPTION WHEN insufficient_privilege THEN
  RAISE NOTICE 'xinyuan_app role not set up (the migrating role may not create roles): %', SQLERRM;
END $$;
