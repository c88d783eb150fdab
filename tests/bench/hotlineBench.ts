/**
 * Hotline benchmark on PostgreSQL: 1 000 callers join (50 at a time), then 50 counsellors claim at once,
 * each taking the next caller, recording the outcome and claiming again until the queue is empty.
 * Prints join and claim latency percentiles and checks that no caller was claimed twice.
 *
 *   npm run bench:hotline            (PostgreSQL at BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres)
 *
 * It creates its own database (xy_bench_hotline_<pid>) and drops it afterwards. Commands are called
 * directly (hotlineJoiner, nextCallerClaimer, callOutcomeRecorder): this measures the queue's database
 * work, not HTTP parsing or the per-IP rate limit.
 */
import { randomBytes, randomUUID } from "node:crypto";
import pg from "pg";
import { eq, sql } from "drizzle-orm";
import { currentConsentVersions } from "@xinyuan/shared";
import { loadConfig } from "../../server/src/config";
import { buildServices } from "../../server/src/buildServices";
import { createLogger } from "../../server/src/logger";
import { migrateDatabase, openDatabase } from "../../server/src/db/openDatabase";
import { appUsers, consents, contactCategories, hotlineShifts, hotlineTickets, staff, staffConnections, staffPresence } from "../../server/src/db/schema";
import { contactTaxonomySeeder } from "../../server/src/contacts/contactTaxonomySeeder";
import { hotlineJoiner } from "../../server/src/hotline/hotlineJoiner";
import { nextCallerClaimer } from "../../server/src/hotline/nextCallerClaimer";
import { callOutcomeRecorder } from "../../server/src/hotline/callOutcomeRecorder";
import { systemOrigin } from "../../server/src/audit/recordAudit";
import { AppError } from "../../server/src/http/errors";

const callers = Number(process.env.BENCH_CALLERS ?? 1000);
const counsellors = Number(process.env.BENCH_COUNSELLORS ?? 50);
const joinConcurrency = 50;
const adminUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

function percentiles(label: string, samples: number[]): string {
  if (samples.length === 0) return `${label.padEnd(7)} n=   0`;
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!.toFixed(1);
  return `${label.padEnd(7)} n=${String(sorted.length).padStart(4)}  p50=${at(50)} ms  p90=${at(90)} ms  p95=${at(95)} ms  p99=${at(99)} ms  max=${sorted[sorted.length - 1]!.toFixed(1)} ms`;
}

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
  const name = `xy_bench_hotline_${process.pid}`;
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  await onAdmin(`CREATE DATABASE "${name}"`);
  const database = await openDatabase({ databaseUrl: url.toString(), poolSize: Math.min(60, counsellors + 10) });
  try {
    await migrateDatabase(database);
    await contactTaxonomySeeder(database.db);
    const config = loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent", HOTLINE_SERVICE_HOURS: "00:00-24:00", HOTLINE_QUEUE_CAPACITY: String(callers + 10) });
    const services = buildServices(config, database, { log: createLogger("silent") });
    const { db } = services;
    const now = new Date();

    const staffRows = await db
      .insert(staff)
      .values(Array.from({ length: counsellors }, (_, index) => ({ username: `bench_${index}_${randomBytes(3).toString("hex")}`, displayName: `值班老师${index}`, passwordHash: "bench", roles: ["counsellor"], scopeLevel: "county", mustChangePassword: false })))
      .returning({ id: staff.id });
    await db.insert(staffPresence).values(staffRows.map((row) => ({ staffId: row.id, onDuty: true, channels: ["hotline"], changedAt: now })));
    await db.insert(staffConnections).values(staffRows.map((row) => ({ socketId: `bench-${randomUUID()}`, staffId: row.id, instanceId: "bench", connectedAt: now, lastSeenAt: new Date(now.getTime() + 3600_000) })));
    await db.insert(hotlineShifts).values(staffRows.map((row) => ({ staffId: row.id, startsAt: new Date(now.getTime() - 3600_000), endsAt: new Date(now.getTime() + 6 * 3600_000) })));
    const users = await db
      .insert(appUsers)
      .values(Array.from({ length: callers }, () => ({ openidHash: randomBytes(16).toString("hex"), alias: `压测-${randomBytes(5).toString("hex")}`, role: "student", ageBand: "14_17" })))
      .returning({ id: appUsers.id, alias: appUsers.alias });
    await db.insert(consents).values(users.flatMap((user) => [
      { userId: user.id, kind: "privacy", version: currentConsentVersions.privacy },
      { userId: user.id, kind: "sensitive", version: currentConsentVersions.sensitive },
    ]));
    const [category] = await db.select({ id: contactCategories.id }).from(contactCategories).where(eq(contactCategories.code, "education.study_pressure"));

    // joins, 50 in flight at a time
    const joinTimes: number[] = [];
    const joinStart = performance.now();
    for (let offset = 0; offset < users.length; offset += joinConcurrency) {
      await Promise.all(
        users.slice(offset, offset + joinConcurrency).map(async (user, index) => {
          const started = performance.now();
          const body = (offset + index) % 3 === 0
            ? { kind: "callback" as const, phone: "13800000000", window: { start: now.toISOString(), end: new Date(now.getTime() + 4 * 3600_000).toISOString() }, feelingUnsafe: false }
            : { kind: "inbound" as const, feelingUnsafe: (offset + index) % 50 === 7 };
          await hotlineJoiner({ services, user: { type: "user", id: user.id, alias: user.alias, role: "student", ageBand: "14_17", schoolId: null }, body, origin: systemOrigin });
          joinTimes.push(performance.now() - started);
        }),
      );
    }
    const joinSeconds = (performance.now() - joinStart) / 1000;

    const claimTimes: number[] = [];
    const claimedIds: string[] = [];
    const claimAndRecord = async (staffId: string, samples: number[]): Promise<boolean> => {
      const started = performance.now();
      let ticketId: string;
      try {
        ticketId = (await nextCallerClaimer({ services, staffId, origin: systemOrigin })).id;
      } catch (error) {
        if (error instanceof AppError && error.code === "HOTLINE_QUEUE_EMPTY") return false;
        throw error;
      }
      samples.push(performance.now() - started);
      claimedIds.push(ticketId);
      await callOutcomeRecorder({ services, staffId, ticketId, origin: systemOrigin, body: { categoryIds: [category!.id], repeat: "first", gender: "not_stated", riskLevel: "low", actions: ["direct_support"], referralTargets: [], followUpNeeded: false, durationMinutes: 10, summary: "压测记录" } });
      return true;
    };

    // baseline: one counsellor alone, with ~1 000 callers waiting
    const soloTimes: number[] = [];
    for (let index = 0; index < 20; index += 1) await claimAndRecord(staffRows[0]!.id, soloTimes);

    // 50 counsellors claim at once, record the outcome, and claim again until the queue is empty
    const firstTimes: number[] = [];
    const laterTimes: number[] = [];
    const claimStart = performance.now();
    await Promise.all(
      staffRows.map(async ({ id: staffId }) => {
        const mine: number[] = [];
        while (await claimAndRecord(staffId, mine));
        claimTimes.push(...mine);
        firstTimes.push(...mine.slice(0, 1));
        laterTimes.push(...mine.slice(1));
      }),
    );
    const claimSeconds = (performance.now() - claimStart) / 1000;
    const [left] = await db.select({ count: sql<number>`count(*)::int` }).from(hotlineTickets).where(eq(hotlineTickets.status, "waiting"));
    const doubles = claimedIds.length - new Set(claimedIds).size;

    console.log(`hotline benchmark on PostgreSQL — ${callers} callers, ${counsellors} counsellors claiming at once`);
    console.log(percentiles("join", joinTimes) + `  (${(callers / joinSeconds).toFixed(0)} joins/s, ${joinConcurrency} in flight)`);
    console.log(percentiles("claim1", soloTimes) + "  (one counsellor alone, ~1 000 waiting)");
    console.log(percentiles("claim", claimTimes) + `  (${(claimTimes.length / claimSeconds).toFixed(0)} claim+outcome cycles/s)`);
    // the first claim of each counsellor (all 50 at the same instant) apart from the steady state after it
    console.log(percentiles("  first", firstTimes) + "  (each counsellor's first claim, all at once)");
    console.log(percentiles("  later", laterTimes) + "  (claims after an outcome)");
    console.log(`claimed ${claimedIds.length}, claimed twice ${doubles}, still waiting ${Number(left?.count ?? 0)}`);
    const p99 = (samples: number[]) => [...samples].sort((a, b) => a - b)[Math.min(samples.length - 1, Math.floor(0.99 * samples.length))] ?? 0;
    const verdict = (met: boolean) => (met ? "met" : "NOT met");
    console.log(`goal joins >= 500/s with p99 <= 100 ms: ${verdict(callers / joinSeconds >= 500 && p99(joinTimes) <= 100)}; ${counsellors} claimers p99 <= 50 ms: ${verdict(p99(claimTimes) <= 50)}; 0 double claims: ${verdict(doubles === 0)}`);
    if (doubles > 0 || claimedIds.length !== callers) process.exitCode = 1;
  } finally {
    await database.close();
    await onAdmin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
