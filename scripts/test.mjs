#!/usr/bin/env node
/**
 * Every test of XinYuan, in order: type checks, the import-circle check, server/shared/cross-package tests on PGlite, the same on
 * PostgreSQL, the chaos tests, the benchmarks at toy sizes (they must still run and deliver everything),
 * the admin and mini-program unit tests, the builds (admin, weapp, H5), the WeChat-build checks and the
 * browser tests. Prints one closing line "N passed, N failed, N skipped".
 *
 *   npm test                     everything
 *   npm test -- --only=pglite    one step (names below)
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";

const root = join(import.meta.dirname, "..");
const only = process.argv.find((arg) => arg.startsWith("--only="))?.slice(7).split(",");
const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];
const timings = [];
const env = { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --experimental-vm-modules --no-warnings`.trim() };
const runDir = mkdtempSync(join(tmpdir(), "xinyuan-test-"));

function run(name, command, args, extraEnv = {}) {
  const started = Date.now();
  console.log(`\n▶ ${name}: ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env: { ...env, ...extraEnv } });
  timings.push(`${name} ${((Date.now() - started) / 1000).toFixed(0)}s`);
  return result.status === 0;
}

function step(name, fn) {
  if (only && !only.includes(name)) return;
  const ok = fn();
  if (!ok) failures.push(name);
}

function jest(name, config, extraEnv = {}, extraArgs = []) {
  const output = join(runDir, `${name}.json`);
  const ok = run(name, "npx", ["jest", "-c", config, "--json", `--outputFile=${output}`, ...extraArgs], extraEnv);
  if (existsSync(output)) {
    const report = JSON.parse(readFileSync(output, "utf8"));
    totals.passed += report.numPassedTests;
    totals.failed += report.numFailedTests;
    totals.skipped += report.numPendingTests + report.numTodoTests;
    if (report.numTotalTests === 0) {
      console.error(`✗ ${name}: no test ran`);
      return false;
    }
  }
  return ok;
}

function workspaceHasScript(workspace, script) {
  const path = join(root, workspace, "package.json");
  return existsSync(path) && Boolean(JSON.parse(readFileSync(path, "utf8")).scripts?.[script]);
}

async function postgresReachable() {
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres", connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

step("typecheck", () => ["shared", "server", "tests"].every((project) => run(`typecheck ${project}`, "npx", ["tsc", "-p", project])) &&
  ["admin", "miniapp"].every((workspace) => !workspaceHasScript(workspace, "typecheck") || run(`typecheck ${workspace}`, "npm", ["run", "typecheck", "-w", workspace])));

// No import circles among our own files, server and admin (type-only imports ignored).
step("circles", () => run("circles", "node", ["scripts/checkImportCircles.mjs"]));

// Two workers (pglite and postgres): each test file has its own database, and on 2 cores jest's default of one
// worker leaves a core idle (PGlite runs in the worker's own thread). Measured 66 s → 48 s on the letters, cases
// and hotline files; both whole steps passed with two workers while eight other sessions loaded the machine.
// The PostgreSQL step leaves out the suites that never open the test database (databaseFree in jest.config.cjs).
step("pglite", () => jest("pglite", "jest.config.cjs", { XINYUAN_TEST_DB: "pglite" }, ["--maxWorkers=2"]));

const pgUp = await postgresReachable();
step("postgres", () => {
  if (!pgUp) {
    console.error("✗ PostgreSQL is not reachable (TEST_DATABASE_URL or 127.0.0.1:5432): the PostgreSQL run is required");
    return false;
  }
  return jest("postgres", "jest.config.cjs", { XINYUAN_TEST_DB: "postgres" }, ["--maxWorkers=2"]);
});

// Two real server processes on one PostgreSQL database: cross-process chat and the chaos test.
step("chaos", () => pgUp && jest("chaos", "tests/chaos/jest.config.cjs", { REDIS_URL: "" }));
// The same suites with the socket.io adapter on Redis (REDIS_URL, default the local 127.0.0.1:6379), but for the
// lexicon reload, which goes through the database alone and is the same on either adapter.
step("chaos-redis", () => pgUp && jest("chaos-redis", "tests/chaos/jest.config.cjs", { REDIS_URL: process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379" }, ["--testPathIgnorePatterns", "riskLexiconReload"]));

// The benchmarks at toy sizes: they must still run and deliver everything (their full runs are by hand).
step("bench-smoke", () =>
  pgUp &&
  run("bench-smoke hotline", "npx", ["tsx", "tests/bench/hotlineBench.ts"], { BENCH_CALLERS: "40", BENCH_COUNSELLORS: "5" }) &&
  run("bench-smoke chat", "npx", ["tsx", "tests/bench/chatBench.ts"], { BENCH_IDLE_SOCKETS: "20", BENCH_CLIENT_PROCESSES: "2", BENCH_PAIRS: "3", BENCH_MESSAGES: "3", BENCH_OPEN_RATE: "30", BENCH_OPEN_SECONDS: "1", REDIS_URL: "" }) &&
  run("bench-smoke chat two servers on Redis", "npx", ["tsx", "tests/bench/chatBench.ts"], { BENCH_IDLE_SOCKETS: "20", BENCH_CLIENT_PROCESSES: "2", BENCH_PAIRS: "4", BENCH_MESSAGES: "3", BENCH_OPEN_RATE: "30", BENCH_OPEN_SECONDS: "1", BENCH_SERVERS: "2", REDIS_URL: process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379" }) &&
  run("bench-smoke stats", "npx", ["tsx", "tests/bench/statsBench.ts"], { BENCH_CONTACTS: "3000" }) &&
  run("bench-smoke risk", "npx", ["tsx", "tests/bench/riskBench.ts"], { BENCH_RISK_MESSAGES: "2000" }) &&
  run("bench-smoke content", "npx", ["tsx", "tests/bench/contentBench.ts"], { BENCH_SECONDS: "1", BENCH_CONNECTIONS: "4" }));

step("admin-unit", () => !existsSync(join(root, "admin/jest.config.cjs")) || jest("admin-unit", "admin/jest.config.cjs"));
step("miniapp-unit", () => !existsSync(join(root, "miniapp/jest.config.cjs")) || jest("miniapp-unit", "miniapp/jest.config.cjs"));

step("build", () =>
  (!workspaceHasScript("admin", "build") || run("build admin", "npm", ["run", "build", "-w", "admin"])) &&
  (!workspaceHasScript("miniapp", "build:weapp") || run("build weapp", "npm", ["run", "build:weapp", "-w", "miniapp"])) &&
  (!workspaceHasScript("miniapp", "build:h5") || run("build h5", "npm", ["run", "build:h5", "-w", "miniapp"])));

step("weapp", () => !existsSync(join(root, "tests/weapp/jest.config.cjs")) || jest("weapp", "tests/weapp/jest.config.cjs"));
step("browser", () => jest("browser", "jest.browser.config.cjs", { XINYUAN_TEST_DB: pgUp ? "postgres" : "pglite" }));

console.log(`\nsteps: ${timings.join(", ")}`);
if (failures.length > 0) console.log(`failed steps: ${failures.join(", ")}`);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failures.length > 0 || totals.failed > 0 ? 1 : 0);
