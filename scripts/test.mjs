#!/usr/bin/env node
/**
 * Every test of XinYuan, in order: the import-circle check, server/shared/cross-package tests on PGlite, the same on
 * PostgreSQL, the chaos tests with the type checks beside them, the benchmarks at toy sizes (they must still run and deliver everything),
 * the admin and mini-program unit tests, the builds (admin, weapp, H5), the WeChat-build checks and the
 * browser tests. Steps that leave a core idle run side by side (see `together` and `lanesOf`); their output
 * is printed in one block per command when it ends. Prints one closing line "N passed, N failed, N skipped".
 *
 *   npm test                     everything
 *   npm test -- --only=pglite    one step (names below)
 */
import { spawn } from "node:child_process";
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync } from "node:fs";
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

/**
 * Runs one command and resolves true when it exits 0. Alone, its output streams to this console. Beside
 * another step (`beside` set, see `together`), its output goes to a log file in the run's folder and is
 * printed in one block when it ends, so two steps' lines never interleave.
 */
function run(name, command, args, extraEnv = {}, { beside = false } = {}) {
  const started = Date.now();
  const header = `\n▶ ${name}: ${command} ${args.join(" ")}`;
  const logPath = join(runDir, `${name.replace(/\W+/g, "-")}.log`);
  if (beside) console.log(`▶ ${name} started beside another step (output when it ends; meanwhile in ${logPath})`);
  else console.log(header);
  const log = beside ? openSync(logPath, "w") : undefined;
  const child = spawn(command, args, { cwd: root, stdio: beside ? ["ignore", log, log] : "inherit", env: { ...env, ...extraEnv } });
  return new Promise((resolve) => {
    child.on("close", (code) => {
      timings.push(`${name} ${((Date.now() - started) / 1000).toFixed(0)}s`);
      if (beside) {
        closeSync(log);
        console.log(header);
        process.stdout.write(readFileSync(logPath));
      }
      resolve(code === 0);
    });
  });
}

/** Runs commands one after another until one fails (a step made of several commands). */
async function inTurn(...commands) {
  for (const command of commands) if (!(await command())) return false;
  return true;
}

async function step(name, fn, options = {}) {
  if (only && !only.includes(name)) return;
  const ok = await fn(options);
  if (!ok) failures.push(name);
}

/**
 * Lanes side by side: each lane is a list of [name, fn] steps run one after another, and the lanes run at
 * once, each command's output kept apart (see `run`). A step still passes or fails on its own.
 */
async function together(...lanes) {
  const chosen = lanes.map((lane) => lane.filter(([name]) => !only || only.includes(name))).filter((lane) => lane.length > 0);
  const beside = chosen.length > 1;
  await Promise.all(chosen.map(async (lane) => {
    for (const [name, fn] of lane) await step(name, fn, { beside });
  }));
}

/** Commands of one step in lanes side by side (each lane a list run in turn); true when every lane passed. */
async function lanesOf(...lanes) {
  const results = await Promise.all(lanes.map((lane) => inTurn(...lane)));
  return results.every(Boolean);
}

async function jest(name, config, extraEnv = {}, extraArgs = [], options = {}) {
  const output = join(runDir, `${name}.json`);
  const ok = await run(name, "npx", ["jest", "-c", config, "--json", `--outputFile=${output}`, ...extraArgs], extraEnv, options);
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

// Each tsc uses one core. Beside the chaos runs (below), which leave about one core idle, they run one after
// another; alone (--only=typecheck) the server's packages in one lane and the two apps in the other.
const tsc = (project) => () => run(`typecheck ${project}`, "npx", ["tsc", "-p", project], {}, { beside: true });
const appTsc = (workspace) => () => !workspaceHasScript(workspace, "typecheck") || run(`typecheck ${workspace}`, "npm", ["run", "typecheck", "-w", workspace], {}, { beside: true });
const typecheck = ({ beside }) => {
  const [serverSide, apps] = [[tsc("shared"), tsc("server"), tsc("tests")], [appTsc("admin"), appTsc("miniapp")]];
  return beside ? inTurn(...serverSide, ...apps) : lanesOf(serverSide, apps);
};

// No import circles among our own files, server and admin (type-only imports ignored).
await step("circles", () => run("circles", "node", ["scripts/checkImportCircles.mjs"]));

// Two workers (pglite and postgres): each test file has its own database, and on 2 cores jest's default of one
// worker leaves a core idle (PGlite runs in the worker's own thread). Measured 66 s → 48 s on the letters, cases
// and hotline files; both whole steps passed with two workers while eight other sessions loaded the machine.
// The PostgreSQL step leaves out the suites that never open the test database (databaseFree in jest.config.cjs).
await step("pglite", () => jest("pglite", "jest.config.cjs", { XINYUAN_TEST_DB: "pglite" }, ["--maxWorkers=2"]));

const pgUp = await postgresReachable();
await step("postgres", async () => {
  if (!pgUp) {
    console.error("✗ PostgreSQL is not reachable (TEST_DATABASE_URL or 127.0.0.1:5432): the PostgreSQL run is required");
    return false;
  }
  return jest("postgres", "jest.config.cjs", { XINYUAN_TEST_DB: "postgres" }, ["--maxWorkers=2"]);
});

const redisUrl = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
// Two real server processes on one PostgreSQL database: cross-process chat and the chaos test. Beside it, the
// same suites with the socket.io adapter on Redis (REDIS_URL), but for the lexicon reload, which goes through the
// database alone and is the same on either adapter. Their processes mostly wait (rate limits, failover, timers:
// about half of two cores idle in each alone, still ~45 % together), each run has its own databases, and only
// one of them uses Redis. The type checks fill the idle core.
await together(
  [["chaos", (options) => pgUp && jest("chaos", "tests/chaos/jest.config.cjs", { REDIS_URL: "" }, [], options)]],
  [["chaos-redis", (options) => pgUp && jest("chaos-redis", "tests/chaos/jest.config.cjs", { REDIS_URL: redisUrl }, ["--testPathIgnorePatterns", "riskLexiconReload"], options)]],
  [["typecheck", typecheck]],
);

// The benchmarks at toy sizes: they must still run and deliver everything (their full runs are by hand). One
// process at a time, so the unit tests (no database, no Redis, one jest worker) run beside them.
const bench = (name, script, benchEnv, options) => () => run(`bench-smoke ${name}`, "npx", ["tsx", `tests/bench/${script}`], benchEnv, options);
await together(
  [["bench-smoke", (options) => pgUp && inTurn(
    bench("hotline", "hotlineBench.ts", { BENCH_CALLERS: "40", BENCH_COUNSELLORS: "5" }, options),
    bench("chat", "chatBench.ts", { BENCH_IDLE_SOCKETS: "20", BENCH_CLIENT_PROCESSES: "2", BENCH_PAIRS: "3", BENCH_MESSAGES: "3", BENCH_OPEN_RATE: "30", BENCH_OPEN_SECONDS: "1", REDIS_URL: "" }, options),
    bench("chat two servers on Redis", "chatBench.ts", { BENCH_IDLE_SOCKETS: "20", BENCH_CLIENT_PROCESSES: "2", BENCH_PAIRS: "4", BENCH_MESSAGES: "3", BENCH_OPEN_RATE: "30", BENCH_OPEN_SECONDS: "1", BENCH_SERVERS: "2", REDIS_URL: redisUrl }, options),
    bench("stats", "statsBench.ts", { BENCH_CONTACTS: "3000" }, options),
    bench("risk", "riskBench.ts", { BENCH_RISK_MESSAGES: "2000" }, options),
    bench("content", "contentBench.ts", { BENCH_SECONDS: "1", BENCH_CONNECTIONS: "4" }, options),
  )]],
  [
    ["admin-unit", (options) => !existsSync(join(root, "admin/jest.config.cjs")) || jest("admin-unit", "admin/jest.config.cjs", {}, [], options)],
    ["miniapp-unit", (options) => !existsSync(join(root, "miniapp/jest.config.cjs")) || jest("miniapp-unit", "miniapp/jest.config.cjs", {}, [], options)],
  ],
);

// The admin (vite) and the mini-program's H5 build in one lane, its WeChat build in the other (separate dist folders).
const build = (name, workspace, script) => () => !workspaceHasScript(workspace, script) || run(`build ${name}`, "npm", ["run", script, "-w", workspace], {}, { beside: true });
await step("build", () => lanesOf([build("admin", "admin", "build"), build("h5", "miniapp", "build:h5")], [build("weapp", "miniapp", "build:weapp")]));

await step("weapp", () => !existsSync(join(root, "tests/weapp/jest.config.cjs")) || jest("weapp", "tests/weapp/jest.config.cjs"));
await step("browser", () => jest("browser", "jest.browser.config.cjs", { XINYUAN_TEST_DB: pgUp ? "postgres" : "pglite" }));

console.log(`\nsteps: ${timings.join(", ")}`);
if (failures.length > 0) console.log(`failed steps: ${failures.join(", ")}`);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failures.length > 0 || totals.failed > 0 ? 1 : 0);
