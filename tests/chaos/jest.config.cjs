/**
 * Multi-process chat suites: two real server processes on one PostgreSQL database (they need a
 * server database; PGlite is one process by construction). Run: npx jest -c tests/chaos/jest.config.cjs
 */
process.env.XINYUAN_TEST_DB = "postgres";
const root = require("../../jest.config.cjs");

module.exports = {
  ...root,
  rootDir: require("node:path").join(__dirname, "../.."),
  roots: ["<rootDir>/tests/chaos"],
  testPathIgnorePatterns: ["/node_modules/"],
  testTimeout: 180000,
  maxWorkers: 1,
};
