/**
 * Checks of the compiled WeChat build (miniapp/dist/weapp). Run after `npm run build:weapp -w miniapp`,
 * or all at once with `npm run test:weapp -w miniapp`.
 */
module.exports = {
  rootDir: __dirname,
  testMatch: ['<rootDir>/*.test.ts'],
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }] },
  testTimeout: 60000,
  // Lists skipped tests with their suite name, which says why (the DevTools-gated automator suite).
  verbose: true,
}
