/**
 * Server, shared and cross-package tests. XINYUAN_TEST_DB picks the database: "pglite" (default) or
 * "postgres" (a server at TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres).
 * Browser, WeChat-build and benchmark suites have their own configs (see scripts/test.mjs).
 */
const swc = ["@swc/jest", { jsc: { parser: { syntax: "typescript", tsx: true }, target: "es2022" }, module: { type: "commonjs" } }];

module.exports = {
  testEnvironment: "node",
  rootDir: __dirname,
  roots: ["<rootDir>/server", "<rootDir>/shared", "<rootDir>/tests"],
  testMatch: ["**/*.test.ts"],
  testPathIgnorePatterns: ["/node_modules/", "<rootDir>/tests/browser/", "<rootDir>/tests/weapp/", "<rootDir>/tests/bench/", "<rootDir>/tests/chaos/"],
  transform: { "^.+\\.(t|j)sx?$": swc },
  moduleNameMapper: { "^(\\.{1,2}/.*)\\.js$": "$1" },
  globalSetup: "<rootDir>/tests/support/globalSetup.ts",
  globalTeardown: "<rootDir>/tests/support/globalTeardown.ts",
  testTimeout: 60000,
  // A leaked handle must never hang CI for 90 minutes; leaks are still reported by --detectOpenHandles runs.
  forceExit: true,
};
