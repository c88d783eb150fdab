CREATE TABLE "contact_stats_daily" (
	"grain" text NOT NULL,
	"day" date NOT NULL,
	"area_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"dimension" text NOT NULL,
	"key" text NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "contact_stats_daily_grain_day_area_id_school_id_dimension_key_pk" PRIMARY KEY("grain","day","area_id","school_id","dimension","key")
);
--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "first_reply_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "contact_stats_daily_grain_day_idx" ON "contact_stats_daily" USING btree ("grain","day");--> statement-breakpoint
CREATE INDEX "contact_stats_daily_dimension_idx" ON "contact_stats_daily" USING btree ("grain","dimension","day");--> statement-breakpoint
CREATE INDEX "contact_stats_daily_area_idx" ON "contact_stats_daily" USING btree ("grain","area_id","day");--> statement-breakpoint
CREATE INDEX "contact_stats_daily_school_idx" ON "contact_stats_daily" USING btree ("grain","school_id","day");--> statement-breakpoint
CREATE INDEX "conversations_created_idx" ON "conversations" USING btree ("created_at");--> statement-breakpoint
-- The rollup follows every write to contact records and their categories (triggers, so no code path can
-- forget it). Each contact is counted at three grains: the county (no place), its area, and its school,
-- so a county, area or school dashboard sums only its own small slice. A contact counts once per
-- dimension; for categories once per 大类, however many of its 小类.
CREATE OR REPLACE FUNCTION contact_stats_add(place_day date, place_area uuid, place_school uuid, dims text[], keys text[], delta integer) RETURNS void AS $$
DECLARE
  none uuid := '00000000-0000-0000-0000-000000000000';
BEGIN
  INSERT INTO contact_stats_daily (grain, day, area_id, school_id, dimension, key, n)
  SELECT g.grain, place_day, g.area_id, g.school_id, d.dimension, d.key, delta
  FROM unnest(dims, keys) AS d(dimension, key),
       (VALUES ('county', none, none), ('area', coalesce(place_area, none), none), ('school', coalesce(place_area, none), coalesce(place_school, none))) AS g(grain, area_id, school_id)
  ON CONFLICT (grain, day, area_id, school_id, dimension, key) DO UPDATE SET n = contact_stats_daily.n + EXCLUDED.n;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION contact_stats_day(recorded timestamptz) RETURNS date AS $$
  SELECT ((recorded AT TIME ZONE 'UTC') + interval '8 hours')::date;
$$ LANGUAGE sql IMMUTABLE;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION contact_stats_record(r contact_records, delta integer) RETURNS void AS $$
BEGIN
  PERFORM contact_stats_add(contact_stats_day(r.recorded_at), r.area_id, r.school_id,
    ARRAY['total', 'channel', 'age_band', 'risk', 'follow_up', 'referred'],
    ARRAY['', r.channel, r.age_band, r.risk_level, r.follow_up_needed::text, ('referral' = ANY(r.actions))::text],
    delta);
  -- the record's 大类, each once
  PERFORM contact_stats_add(contact_stats_day(r.recorded_at), r.area_id, r.school_id, array_agg('category'::text), array_agg(top::text), delta)
  FROM (SELECT DISTINCT coalesce(c.parent_id, c.id) AS top FROM contact_record_categories rc JOIN contact_categories c ON c.id = rc.category_id WHERE rc.record_id = r.id) tops
  HAVING count(*) > 0;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION contact_stats_on_record() RETURNS trigger AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM contact_stats_record(OLD, -1); END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN PERFORM contact_stats_record(NEW, 1); END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER contact_stats_on_record AFTER INSERT OR DELETE OR UPDATE OF recorded_at, area_id, school_id, channel, age_band, risk_level, follow_up_needed, actions
  ON contact_records FOR EACH ROW EXECUTE FUNCTION contact_stats_on_record();
--> statement-breakpoint
-- A category added or removed changes the count of its 大类 only when no other 小类 of it remains on the record.
CREATE OR REPLACE FUNCTION contact_stats_on_category() RETURNS trigger AS $$
DECLARE
  changed contact_record_categories;
  r contact_records;
  top uuid;
BEGIN
  changed := CASE WHEN TG_OP = 'INSERT' THEN NEW ELSE OLD END;
  SELECT * INTO r FROM contact_records WHERE id = changed.record_id;
  IF NOT FOUND THEN RETURN NULL; END IF;
  SELECT coalesce(parent_id, id) INTO top FROM contact_categories WHERE id = changed.category_id;
  IF EXISTS (SELECT 1 FROM contact_record_categories rc JOIN contact_categories c ON c.id = rc.category_id
             WHERE rc.record_id = changed.record_id AND rc.category_id <> changed.category_id AND coalesce(c.parent_id, c.id) = top) THEN
    RETURN NULL;
  END IF;
  PERFORM contact_stats_add(contact_stats_day(r.recorded_at), r.area_id, r.school_id, ARRAY['category'], ARRAY[top::text], CASE WHEN TG_OP = 'INSERT' THEN 1 ELSE -1 END);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER contact_stats_on_category AFTER INSERT OR DELETE ON contact_record_categories FOR EACH ROW EXECUTE FUNCTION contact_stats_on_category();
--> statement-breakpoint
-- Rebuilds the whole rollup from the records in one pass (after a bulk load with the triggers off).
CREATE OR REPLACE FUNCTION contact_stats_rebuild() RETURNS void AS $$
DECLARE
  none uuid := '00000000-0000-0000-0000-000000000000';
BEGIN
  DELETE FROM contact_stats_daily;
  INSERT INTO contact_stats_daily (grain, day, area_id, school_id, dimension, key, n)
  SELECT g.grain, f.day, g.area_id, g.school_id, f.dimension, f.key, sum(f.n)::int
  FROM (
    SELECT day, area_id, school_id, dimension, key, count(*) AS n FROM (
      SELECT contact_stats_day(r.recorded_at) AS day, coalesce(r.area_id, none) AS area_id, coalesce(r.school_id, none) AS school_id, d.dimension, d.key
      FROM contact_records r,
        LATERAL unnest(ARRAY['total', 'channel', 'age_band', 'risk', 'follow_up', 'referred'],
                       ARRAY['', r.channel, r.age_band, r.risk_level, r.follow_up_needed::text, ('referral' = ANY(r.actions))::text]) AS d(dimension, key)
      UNION ALL
      SELECT contact_stats_day(r.recorded_at), coalesce(r.area_id, none), coalesce(r.school_id, none), 'category', tops.top::text
      FROM contact_records r JOIN (SELECT DISTINCT rc.record_id, coalesce(c.parent_id, c.id) AS top FROM contact_record_categories rc JOIN contact_categories c ON c.id = rc.category_id) tops ON tops.record_id = r.id
    ) facts GROUP BY day, area_id, school_id, dimension, key
  ) f,
  LATERAL (VALUES ('county', none, none), ('area', f.area_id, none), ('school', f.area_id, f.school_id)) AS g(grain, area_id, school_id)
  GROUP BY g.grain, f.day, g.area_id, g.school_id, f.dimension, f.key;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
SELECT contact_stats_rebuild();
--> statement-breakpoint
-- A chat's first counsellor message, kept on the conversation for the first-response figure (the row is
-- already locked and updated by the message writer in the same transaction).
CREATE OR REPLACE FUNCTION conversations_first_reply() RETURNS trigger AS $$
BEGIN
  UPDATE conversations SET first_reply_at = NEW.created_at WHERE id = NEW.conversation_id AND first_reply_at IS NULL;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER conversations_first_reply AFTER INSERT ON chat_messages FOR EACH ROW WHEN (NEW.sender_type = 'staff') EXECUTE FUNCTION conversations_first_reply();
--> statement-breakpoint
UPDATE conversations c SET first_reply_at = m.first_at
FROM (SELECT conversation_id, min(created_at) AS first_at FROM chat_messages WHERE sender_type = 'staff' GROUP BY conversation_id) m
WHERE m.conversation_id = c.id AND c.first_reply_at IS NULL;
