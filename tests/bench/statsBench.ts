/**
 * Statistics benchmark on PostgreSQL: a school year of synthetic data (500 000 contact records with their
 * categories across 120 schools in 12 areas, 150 000 hotline tickets, 100 000 chats), then every
 * dashboard the admin asks for (county year, term and month; an area's year; a school's year), each
 * timed cold and warm. Prints each time and, on a line of its own, `slowest NNN ms`. Goal: under 1 s.
 *
 *   npm run bench:stats        (BENCH_CONTACTS=5000 for a toy run; BENCH_DATABASE_URL as the other benches)
 *
 * It creates its own database (xy_bench_stats_<pid>) and drops it afterwards.
 */
import pg from "pg";
import { sql } from "drizzle-orm";
import { loadConfig } from "../../server/src/config";
import { buildServices } from "../../server/src/buildServices";
import { createLogger } from "../../server/src/logger";
import { migrateDatabase, openDatabase } from "../../server/src/db/openDatabase";
import { contactTaxonomySeeder } from "../../server/src/contacts/contactTaxonomySeeder";
import { statisticsDashboard } from "../../server/src/statistics/statisticsDashboard";
import { aggregateRows } from "../../server/src/statistics/statisticsSql";
import { statisticsPeriodOf } from "../../server/src/statistics/statisticsPeriod";
import { contactCounts } from "../../server/src/statistics/contactStatistics";
import { chatFigures, coverageFigures, hotlineFigures } from "../../server/src/statistics/serviceStatistics";
import { indicatorFigures } from "../../server/src/statistics/indicatorStatistics";
import type { StaffScope, StatisticsQuery } from "@xinyuan/shared";

const contacts = Number(process.env.BENCH_CONTACTS ?? 500_000);
const adminUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

async function onAdmin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  const name = `xy_bench_stats_${process.pid}`;
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  await onAdmin(`CREATE DATABASE "${name}"`);
  const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 4 });
  try {
    await migrateDatabase(database);
    await contactTaxonomySeeder(database.db);
    const services = buildServices(loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent" }), database, { log: createLogger("silent") });
    const { db } = services;
    const started = Date.now();
    const tickets = Math.round(contacts * 0.3);
    const chats = Math.round(contacts * 0.2);
    // Directory: 12 areas of 10 schools; stages spread like a county's.
    await db.execute(sql`INSERT INTO areas (name) SELECT '基准片区' || a FROM generate_series(1, 12) a`);
    await db.execute(sql`INSERT INTO schools (name, stage, area_id, has_full_time_counsellor)
      SELECT '基准学校' || s, (ARRAY['primary','primary','primary','junior','junior','senior','nine_year','vocational'])[1 + s % 8], a.id, s % 3 = 0
      FROM generate_series(1, 120) s JOIN (SELECT id, row_number() OVER (ORDER BY name) AS n FROM areas) a ON a.n = 1 + s % 12`);
    await db.execute(sql`INSERT INTO staff (username, display_name, password_hash, roles, scope_level, must_change_password)
      SELECT 'bench_' || i, '基准老师' || i, 'x', ARRAY['counsellor'], 'county', false FROM generate_series(1, 30) i`);
    await db.execute(sql`INSERT INTO app_users (alias) SELECT 'bench-' || i FROM generate_series(1, 2000) i`);
    // Bulk load with the rollup triggers off, then one rebuild (the triggers keep it for every later write).
    await db.execute(sql`ALTER TABLE contact_records DISABLE TRIGGER contact_stats_on_record`);
    await db.execute(sql`ALTER TABLE contact_record_categories DISABLE TRIGGER contact_stats_on_category`);
    // A school year (2025-09-01 to 2026-08-31, county time); school days busier than holidays by the random spread.
    await db.execute(sql`CREATE TEMP TABLE bench_schools AS SELECT id, area_id, row_number() OVER (ORDER BY name) AS n FROM schools`);
    await db.execute(sql`CREATE TEMP TABLE bench_categories AS SELECT id, row_number() OVER (ORDER BY code) AS n FROM contact_categories WHERE parent_id IS NOT NULL`);
    await db.execute(sql`INSERT INTO contact_records (channel, staff_id, school_id, area_id, age_band, gender, risk_level, actions, follow_up_needed, duration_minutes, recorded_at)
      SELECT (ARRAY['hotline','hotline','hotline','callback','online','online','mailbox','in_person'])[1 + (i * 7) % 8],
             (SELECT id FROM staff ORDER BY id LIMIT 1),
             CASE WHEN i % 7 = 0 THEN NULL ELSE s.id END, CASE WHEN i % 7 = 0 THEN NULL ELSE s.area_id END,
             (ARRAY['under_10','10_13','14_17','14_17','18_plus','unknown'])[1 + i % 6],
             (ARRAY['female','male','not_stated'])[1 + i % 3],
             (ARRAY['none','none','none','none','low','low','medium','high','imminent'])[1 + (i * 13) % 9],
             CASE WHEN i % 23 = 0 THEN ARRAY['direct_support','referral'] ELSE ARRAY['direct_support'] END,
             i % 11 = 0, 5 + i % 40,
             timestamptz '2025-08-31 16:00:00+00' + (random() * interval '365 days')
      FROM generate_series(1, ${contacts}) i JOIN bench_schools s ON s.n = 1 + (i * 31) % 120`);
    await db.execute(sql`INSERT INTO contact_record_categories (record_id, category_id)
      SELECT r.id, c.id FROM (SELECT id, row_number() OVER () AS n FROM contact_records) r JOIN bench_categories c ON c.n = 1 + (r.n * 17) % (SELECT count(*) FROM bench_categories)
      UNION
      SELECT r.id, c.id FROM (SELECT id, row_number() OVER () AS n FROM contact_records) r JOIN bench_categories c ON c.n = 1 + (r.n * 5) % (SELECT count(*) FROM bench_categories) WHERE r.n % 3 = 0`);
    await db.execute(sql`INSERT INTO hotline_tickets (kind, status, joined_at, first_ready_at, ready_at, first_claimed_at, claimed_at, closed_at)
      SELECT CASE WHEN i % 4 = 0 THEN 'callback' ELSE 'inbound' END,
             (ARRAY['completed','completed','completed','completed','completed','cancelled','missed'])[1 + i % 7],
             t, t, t, CASE WHEN i % 7 < 5 THEN t + (i % 600) * interval '1 second' END, CASE WHEN i % 7 < 5 THEN t + (i % 600) * interval '1 second' END, t + interval '20 minutes'
      FROM (SELECT i, timestamptz '2025-08-31 16:00:00+00' + (random() * interval '365 days') AS t FROM generate_series(1, ${tickets}) i) x`);
    await db.execute(sql`INSERT INTO conversations (user_id, status, queued_at, last_activity_at, created_at, accepted_at, closed_at, rating)
      SELECT u.id, 'closed', t, t, t, t + interval '1 minute', t + interval '30 minutes', CASE WHEN i % 3 = 0 THEN 1 + i % 5 END
      FROM (SELECT i, timestamptz '2025-08-31 16:00:00+00' + (random() * interval '365 days') AS t FROM generate_series(1, ${chats}) i) x
      JOIN (SELECT id, row_number() OVER () AS n FROM app_users) u ON u.n = 1 + x.i % 2000`);
    await db.execute(sql`INSERT INTO chat_messages (conversation_id, seq, sender_type, client_message_id, body_enc, created_at)
      SELECT id, 1, 'staff', 'bench-' || id, 'x', created_at + ((extract(epoch FROM created_at)::bigint % 300) * interval '1 second') FROM conversations`);
    await db.execute(sql`SELECT contact_stats_rebuild()`);
    await db.execute(sql`ALTER TABLE contact_records ENABLE TRIGGER contact_stats_on_record`);
    await db.execute(sql`ALTER TABLE contact_record_categories ENABLE TRIGGER contact_stats_on_category`);
    await db.execute(sql`ANALYZE`);
    console.log(`data: ${contacts} contacts, ${tickets} hotline tickets, ${chats} chats across 120 schools, made in ${((Date.now() - started) / 1000).toFixed(1)} s`);

    const [someArea] = await aggregateRows<{ id: string }>(db, sql`SELECT id::text FROM areas ORDER BY name LIMIT 1`);
    const [someSchool] = await aggregateRows<{ id: string; area_id: string }>(db, sql`SELECT id::text, area_id::text FROM schools ORDER BY name LIMIT 1`);
    const county: StaffScope = { level: "county", areaId: null, schoolId: null };
    const cases: Array<{ label: string; scope: StaffScope; query: StatisticsQuery }> = [
      { label: "county, school year", scope: county, query: { from: "2025-09-01", to: "2026-08-31" } },
      { label: "county, autumn term", scope: county, query: { from: "2025-09-01", to: "2026-01-31" } },
      { label: "county, May", scope: county, query: { from: "2026-05-01", to: "2026-05-31" } },
      { label: "area, school year", scope: { level: "area", areaId: someArea!.id, schoolId: null }, query: { from: "2025-09-01", to: "2026-08-31" } },
      { label: "school, school year", scope: { level: "school", areaId: someSchool!.area_id, schoolId: someSchool!.id }, query: { from: "2025-09-01", to: "2026-08-31" } },
    ];
    let slowest = 0;
    for (const run of ["cold", "warm"]) {
      for (const item of cases) {
        const begin = performance.now();
        const view = await statisticsDashboard({ db, services, scope: item.scope, query: item.query });
        const ms = performance.now() - begin;
        slowest = Math.max(slowest, ms);
        if (view.contacts.total.current.count === null) throw new Error(`${item.label}: total suppressed`);
        console.log(`${run.padEnd(4)} ${item.label.padEnd(22)} ${ms.toFixed(0).padStart(5)} ms  (${view.contacts.total.current.count} contacts)`);
      }
    }
    // where the time goes, for the largest case (warm)
    const period = statisticsPeriodOf(cases[0]!.query);
    const parts: Array<[string, () => Promise<unknown>]> = [
      ["contact breakdowns (rollup)", () => contactCounts(db, county, period)],
      ["county line", () => hotlineFigures(db, period)],
      ["chat", () => chatFigures(db, period)],
      ["roster coverage", () => coverageFigures(db, services.config.hotline, period)],
      ["indicators", () => indicatorFigures(db, county)],
    ];
    for (const [label, part] of parts) {
      const begin = performance.now();
      await part();
      console.log(`part ${label.padEnd(28)} ${(performance.now() - begin).toFixed(0).padStart(5)} ms`);
    }
    console.log(`slowest ${slowest.toFixed(0)} ms`);
    if (contacts >= 500_000 && slowest >= 1000) console.log("goal missed: a dashboard took 1 s or more");
  } finally {
    await database.close();
    if (process.env.BENCH_KEEP_DATABASE) console.log(`kept database ${name}`);
    else await onAdmin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
