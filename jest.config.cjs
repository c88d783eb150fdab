/**
 * Server, shared and cross-package tests. XINYUAN_TEST_DB picks the database: "pglite" (default) or
 * "postgres" (a server at TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres).
 * Browser, WeChat-build and benchmark suites have their own configs (see scripts/test.mjs).
 */
const swc = ["@swc/jest", { jsc: { parser: { syntax: "typescript", tsx: true }, target: "es2022" }, module: { type: "commonjs" } }];

/**
 * Suites that never open the test database (dataDirLock: only ever a PGlite folder of its own) run only in the
 * PGlite step: the PostgreSQL step ran them again exactly as before (~80 s of that step's file time, 2026-12-07).
 * Listed by hand; a listed file that starts using the test database fails the configuration here.
 */
const databaseFree = [
  "server/src/risk/riskCorpus.test.ts",
  "server/src/risk/riskDetectorSpeed.test.ts",
  "server/src/risk/riskDetector.test.ts",
  "server/src/audit/auditLabels.test.ts",
  "server/src/payments/wechatPayClient.test.ts",
  "shared/src/countyTime.test.ts",
  "tests/foundation/config.test.ts",
  "tests/foundation/dataDirLock.test.ts",
];
const usesTestDatabase = /createTestApp|openTestDatabase|startTestServer|chatSuite|payTestApp|startServerProcess|TEST_DATABASE_URL|adminDatabaseUrl|XINYUAN_TEST_DB|testDbKind/;
for (const file of databaseFree) {
  if (usesTestDatabase.test(require("node:fs").readFileSync(require("node:path").join(__dirname, file), "utf8"))) {
    throw new Error(`${file} uses the test database: take it out of databaseFree in jest.config.cjs`);
  }
}
const onPostgres = process.env.XINYUAN_TEST_DB === "postgres";

module.exports = {
  testEnvironment: "node",
  rootDir: __dirname,
  roots: ["<rootDir>/server", "<rootDir>/shared", "<rootDir>/tests"],
  testMatch: ["**/*.test.ts"],
  testPathIgnorePatterns: [
    "/node_modules/",
    "<rootDir>/tests/browser/",
    "<rootDir>/tests/weapp/",
    "<rootDir>/tests/bench/",
    "<rootDir>/tests/chaos/",
    ...(onPostgres ? databaseFree.map((file) => `<rootDir>/${file.replace(/\./g, "\\.")}$`) : []),
  ],
  transform: { "^.+\\.(t|j)sx?$": swc },
  moduleNameMapper: { "^(\\.{1,2}/.*)\\.js$": "$1" },
  globalSetup: "<rootDir>/tests/support/globalSetup.ts",
  globalTeardown: "<rootDir>/tests/support/globalTeardown.ts",
  testTimeout: 60000,
  // A leaked handle must never hang CI for 90 minutes; leaks are still reported by --detectOpenHandles runs.
  forceExit: true,
};
