/**
 * Statistics benchmark on PostgreSQL: a school year of synthetic data (500 000 contact records with their
 * categories across 120 schools in 12 areas, 150 000 hotline tickets, 100 000 chats, 30 000 letters, 5 000
 * crisis cases, rooms, activity reports and 600 items read daily), then every
 * dashboard the admin asks for (county year, term and month; an area's year; a school's year), each
 * timed cold — in a fresh process with a new connection pool, as a server just started — and warm (the
 * second time in this process); then each query of each dashboard one at a time. Prints every time and,
 * on a line of its own, `slowest NNN ms` (the slowest dashboard, cold or warm). Goal: under 1 s.
 *
 *   npm run bench:stats        (BENCH_CONTACTS=5000 for a toy run; BENCH_DATABASE_URL as the other benches)
 *
 * It creates its own database (xy_bench_stats_<pid>) and drops it afterwards; BENCH_KEEP_DATABASE=1 keeps
 * it and BENCH_REUSE_DATABASE=<name> times a kept one again without making data.
 */
import pg from "pg";
import { spawn } from "node:child_process";
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
import { letterCounts } from "../../server/src/statistics/letterStatistics";
import { caseCounts } from "../../server/src/statistics/caseStatistics";
import type { StaffScope, StatisticsQuery } from "@xinyuan/shared";
import type { Database } from "../../server/src/db/database";
import type { Services } from "../../server/src/services";

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

/** A school year of synthetic data, then VACUUM ANALYZE. */
async function makeData(services: Services): Promise<void> {
  const { db } = services;
  await contactTaxonomySeeder(db);
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
  // Letters: a mailbox per school (two in three with a teacher), per area and the county's; 6 letters per
  // 100 contacts, 85 % answered 0–6 days later, each with the writer's line and a teacher's reply.
  const letterCount = Math.round(contacts * 0.06);
  const caseCount = Math.round(contacts * 0.01);
  await db.execute(sql`INSERT INTO mailboxes (kind, school_id, name) SELECT 'school', id, '信箱' || n FROM bench_schools`);
  await db.execute(sql`INSERT INTO mailboxes (kind, area_id, name) SELECT 'area', id, '片区信箱' || name FROM areas`);
  await db.execute(sql`INSERT INTO mailboxes (kind, name) VALUES ('county', '县中心信箱') ON CONFLICT DO NOTHING`);
  await db.execute(sql`INSERT INTO mailbox_members (mailbox_id, staff_id)
    SELECT m.id, (SELECT id FROM staff ORDER BY id LIMIT 1) FROM mailboxes m JOIN bench_schools s ON s.id = m.school_id WHERE s.n % 3 <> 0`);
  await db.execute(sql`CREATE TEMP TABLE bench_boxes AS SELECT m.id, m.kind, m.school_id, coalesce(m.area_id, s.area_id) AS area_id, row_number() OVER (ORDER BY m.kind DESC, m.id) AS n FROM mailboxes m LEFT JOIN schools s ON s.id = m.school_id`);
  await db.execute(sql`INSERT INTO letters (user_id, alias, writer_role, mailbox_id, mailbox_kind, box_school_id, box_area_id, handling_mailbox_id, handling_mailbox_kind,
                                            subject_enc, body_enc, status, due_at, client_submit_id, created_at, updated_at)
    SELECT u.id, 'bench', 'student', b.id, b.kind, b.school_id, CASE WHEN b.kind = 'county' THEN NULL ELSE b.area_id END, b.id, b.kind,
           'x', 'x', CASE WHEN x.i % 7 = 0 THEN 'delivered' ELSE 'replied' END, x.t + interval '3 days', 'bench-' || x.i, x.t, x.t
    FROM (SELECT i, timestamptz '2025-08-31 16:00:00+00' + (random() * interval '365 days') AS t FROM generate_series(1, ${letterCount}) i) x
    JOIN (SELECT id, row_number() OVER () AS n FROM app_users) u ON u.n = 1 + x.i % 2000
    JOIN bench_boxes b ON b.n = 1 + (x.i * 7) % (SELECT count(*) FROM bench_boxes)`);
  await db.execute(sql`INSERT INTO letter_messages (letter_id, seq, sender_type, client_message_id, body_enc, created_at)
    SELECT id, 1, 'writer', 'w', 'x', created_at FROM letters`);
  await db.execute(sql`INSERT INTO letter_messages (letter_id, seq, sender_type, client_message_id, body_enc, created_at)
    SELECT id, 2, 'staff', 's', 'x', created_at + (extract(epoch FROM created_at)::bigint % 518400) * interval '1 second' FROM letters WHERE status = 'replied'`);
  // Crisis cases: one per 100 contacts, owned 0–10 minutes after opening, one in five referred, most closed.
  await db.execute(sql`INSERT INTO referral_institutions (name, kind) VALUES ('基准医院', 'hospital')`);
  await db.execute(sql`INSERT INTO crisis_cases (subject_alias, level, status, school_id, area_id, source_kind, opened_at, closed_at, updated_at)
    SELECT 'bench', 'crisis', CASE WHEN x.i % 10 < 7 THEN 'closed' ELSE 'following_up' END, s.id, s.area_id, 'manual', x.t,
           CASE WHEN x.i % 10 < 7 THEN x.t + (x.i % 60) * interval '1 day' END, x.t
    FROM (SELECT i, timestamptz '2025-08-31 16:00:00+00' + (random() * interval '365 days') AS t FROM generate_series(1, ${caseCount}) i) x
    JOIN bench_schools s ON s.n = 1 + (x.i * 13) % 120`);
  await db.execute(sql`INSERT INTO case_events (case_id, kind, at) SELECT id, 'opened', opened_at FROM crisis_cases`);
  await db.execute(sql`INSERT INTO case_events (case_id, kind, at) SELECT id, 'taken', opened_at + (number % 600) * interval '1 second' FROM crisis_cases`);
  await db.execute(sql`INSERT INTO case_referrals (case_id, institution_id, created_by, created_at, updated_at)
    SELECT c.id, (SELECT id FROM referral_institutions LIMIT 1), (SELECT id FROM staff ORDER BY id LIMIT 1), c.opened_at + interval '1 day', c.opened_at + interval '1 day'
    FROM crisis_cases c WHERE c.number % 5 = 0`);
  // The plan's indicators: rooms at two schools in three, 3 activities a school, 600 items read every day.
  await db.execute(sql`INSERT INTO counselling_rooms (school_id, name, weekly_hours) SELECT id, '心理辅导室', '[{"weekday":2,"start":"14:00","end":"17:00"}]'::jsonb FROM bench_schools WHERE n % 3 <> 1`);
  await db.execute(sql`INSERT INTO activity_reports (school_id, title, held_on, participants) SELECT s.id, '活动', date '2026-05-01' + (k * 9), 40 + k FROM bench_schools s, generate_series(0, 2) k`);
  await db.execute(sql`INSERT INTO publications (kind, status, title, audience, owner_school_id, published_at)
    SELECT 'article', 'published', '文章' || i, '{}'::jsonb, CASE WHEN i % 4 = 0 THEN (SELECT id FROM bench_schools WHERE n = 1 + i % 120) END,
           timestamptz '2025-08-31 16:00:00+00' + (i % 365) * interval '1 day' FROM generate_series(1, 600) i`);
  await db.execute(sql`INSERT INTO publication_reads_daily (publication_id, day, n)
    SELECT p.id, d::date, 1 + (extract(doy FROM d)::int * 7) % 50 FROM publications p, generate_series(date '2025-09-01', date '2026-08-31', interval '1 day') d
    WHERE d::date >= (p.published_at AT TIME ZONE 'UTC')::date`);
  await db.execute(sql`SELECT contact_stats_rebuild()`);
  await db.execute(sql`ALTER TABLE contact_records ENABLE TRIGGER contact_stats_on_record`);
  await db.execute(sql`ALTER TABLE contact_record_categories ENABLE TRIGGER contact_stats_on_category`);
  // what autovacuum does after a bulk load: statistics for the planner, and the visibility map the
  // index-only scans read (a real database's closed days are all-visible; only today's rows change)
  await db.execute(sql`VACUUM ANALYZE`);
  console.log(`data: ${contacts} contacts, ${tickets} hotline tickets, ${chats} chats, ${letterCount} letters, ${caseCount} cases across 120 schools, made in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

const county: StaffScope = { level: "county", areaId: null, schoolId: null };
interface BenchCase {
  label: string;
  scope: StaffScope;
  query: StatisticsQuery;
}

async function benchCases(db: Database): Promise<BenchCase[]> {
  const [someArea] = await aggregateRows<{ id: string }>(db, sql`SELECT id::text FROM areas ORDER BY name LIMIT 1`);
  const [someSchool] = await aggregateRows<{ id: string; area_id: string }>(db, sql`SELECT id::text, area_id::text FROM schools ORDER BY name LIMIT 1`);
  return [
    { label: "county, school year", scope: county, query: { from: "2025-09-01", to: "2026-08-31" } },
    { label: "county, autumn term", scope: county, query: { from: "2025-09-01", to: "2026-01-31" } },
    { label: "county, May", scope: county, query: { from: "2026-05-01", to: "2026-05-31" } },
    { label: "area, school year", scope: { level: "area", areaId: someArea!.id, schoolId: null }, query: { from: "2025-09-01", to: "2026-08-31" } },
    { label: "school, school year", scope: { level: "school", areaId: someSchool!.area_id, schoolId: someSchool!.id }, query: { from: "2025-09-01", to: "2026-08-31" } },
  ];
}

function openServices(databaseUrl: string) {
  return openDatabase({ databaseUrl, poolSize: 10 }).then((database) => ({
    database,
    services: buildServices(loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent" }), database, { log: createLogger("silent") }),
  }));
}

async function timeDashboard(services: Services, item: BenchCase): Promise<{ ms: number; contacts: number }> {
  const begin = performance.now();
  const view = await statisticsDashboard({ db: services.db, services, scope: item.scope, query: item.query });
  const ms = performance.now() - begin;
  const total = view.contacts.total.current.count;
  if (total === null) throw new Error(`${item.label}: total suppressed`);
  return { ms, contacts: total };
}

/** A cold dashboard: a fresh process (new pool, new connections, nothing planned or cached) asks it once. */
function coldDashboard(databaseUrl: string, index: number): Promise<{ ms: number; contacts: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, process.argv[1]!], {
      env: { ...process.env, BENCH_COLD_URL: databaseUrl, BENCH_COLD_CASE: String(index) },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code) => {
      const line = out.split("\n").find((text) => text.startsWith("{"));
      if (code === 0 && line) resolve(JSON.parse(line) as { ms: number; contacts: number });
      else reject(new Error(`cold dashboard ${index} exited ${code}: ${out}`));
    });
  });
}

async function coldChild(databaseUrl: string, index: number): Promise<void> {
  const { database, services } = await openServices(databaseUrl);
  try {
    const item = (await benchCases(services.db))[index]!;
    // the case's ids are looked up first so only the dashboard itself is timed
    console.log(JSON.stringify(await timeDashboard(services, item)));
  } finally {
    await database.close();
  }
}

/** Each query of a dashboard alone, one after another (warm), in ms. */
async function queryTimes(services: Services, item: BenchCase): Promise<Array<[string, number]>> {
  const { db } = services;
  const period = statisticsPeriodOf(item.query);
  const isCounty = item.scope.level === "county";
  const parts: Array<[string, (() => Promise<unknown>) | null]> = [
    ["contacts", () => contactCounts(db, item.scope, period)],
    ["line", isCounty ? () => hotlineFigures(db, period) : null],
    ["chat", isCounty ? () => chatFigures(db, period) : null],
    ["roster", isCounty ? () => coverageFigures(db, services.config.hotline, period) : null],
    ["indicators", () => indicatorFigures(db, item.scope, period)],
    ["letters", () => letterCounts(db, item.scope, period)],
    ["cases", () => caseCounts(db, item.scope, period)],
  ];
  const times: Array<[string, number]> = [];
  for (const [label, part] of parts) {
    if (!part) {
      times.push([label, Number.NaN]);
      continue;
    }
    const begin = performance.now();
    await part();
    times.push([label, performance.now() - begin]);
  }
  return times;
}

async function main(): Promise<void> {
  const reuse = process.env.BENCH_REUSE_DATABASE;
  const name = reuse ?? `xy_bench_stats_${process.pid}`;
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  if (!reuse) await onAdmin(`CREATE DATABASE "${name}"`);
  const { database, services } = await openServices(databaseUrl);
  try {
    await migrateDatabase(database);
    if (!reuse) await makeData(services);
    const cases = await benchCases(services.db);
    let slowest = 0;
    const report = (run: string, item: BenchCase, result: { ms: number; contacts: number }) => {
      slowest = Math.max(slowest, result.ms);
      console.log(`${run.padEnd(4)} ${item.label.padEnd(22)} ${result.ms.toFixed(0).padStart(5)} ms  (${result.contacts} contacts)`);
    };
    // cold first, before this process has asked anything
    for (const [index, item] of cases.entries()) report("cold", item, await coldDashboard(databaseUrl, index));
    for (const item of cases) await timeDashboard(services, item);
    for (const item of cases) report("warm", item, await timeDashboard(services, item));
    console.log("each query alone, warm, ms:");
    let longest: [string, number] = ["", 0];
    for (const item of cases) {
      const times = await queryTimes(services, item);
      console.log(`  ${item.label.padEnd(22)} ${times.map(([label, ms]) => `${label} ${Number.isNaN(ms) ? "-" : ms.toFixed(0)}`).join(", ")}`);
      for (const [label, ms] of times) if (ms > longest[1]) longest = [`${label} (${item.label})`, ms];
    }
    console.log(`longest single query: ${longest[0]} ${longest[1].toFixed(0)} ms`);
    console.log(`slowest ${slowest.toFixed(0)} ms`);
    if (contacts >= 500_000 && slowest >= 1000) console.log("goal missed: a dashboard took 1 s or more");
  } finally {
    await database.close();
    if (process.env.BENCH_KEEP_DATABASE || reuse) console.log(`kept database ${name}`);
    else await onAdmin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
}

const coldUrl = process.env.BENCH_COLD_URL;
(coldUrl ? coldChild(coldUrl, Number(process.env.BENCH_COLD_CASE)) : main()).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
