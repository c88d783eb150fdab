/** Browser tests: Playwright driving Debian's chromium against a real server; one file at a time. */
const base = require("./jest.config.cjs");

module.exports = {
  ...base,
  roots: ["<rootDir>/tests/browser"],
  testMatch: ["**/*.browser.test.ts"],
  testPathIgnorePatterns: ["/node_modules/"],
  maxWorkers: 1,
  testTimeout: 180000,
};
