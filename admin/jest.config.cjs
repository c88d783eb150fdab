/**
 * The admin's unit tests: pure functions (access rules, guards, form mapping) and the request wrapper
 * against a real HTTP server on 127.0.0.1. Run from the repository root: npx jest -c admin/jest.config.cjs
 */
// The admin runs in browsers anywhere; the service keeps county time (Asia/Shanghai). Its tests run in
// another zone, so a time formatted in the browser's zone instead of the county's shows (countyTime.test.ts).
process.env.TZ = "America/New_York";

/** @type {import('jest').Config} */
module.exports = {
  displayName: "admin",
  rootDir: __dirname,
  testEnvironment: "node",
  testMatch: ["<rootDir>/src/**/*.test.ts"],
  moduleFileExtensions: ["ts", "tsx", "js", "mjs", "cjs", "json"],
  moduleNameMapper: { "^(\\.{1,2}/.*)\\.js$": "$1" },
  transform: {
    "^.+\\.(t|j)sx?$": [
      "@swc/jest",
      {
        swcrc: false,
        jsc: {
          parser: { syntax: "typescript", tsx: true },
          transform: { react: { runtime: "automatic" } },
          target: "es2022",
        },
        module: { type: "commonjs" },
      },
    ],
  },
};
