/**
 * Component tests under jsdom with Taro's H5 runtime (see shared/TOOLCHAIN.md for why each mapping is
 * here). Run with `npm test -w miniapp`.
 */
process.env.TARO_ENV = 'h5'
process.env.TARO_PLATFORM = 'web'
// Another zone than the county's, so a time formatted on the phone's clock instead of county time fails (services/countyTime.ts)
process.env.TZ = 'America/New_York'

/** ESM packages that must go through babel; everything else in node_modules is left alone. */
const esmPackages = [
  '@tarojs',
  '@stencil',
  '@xinyuan',
  'zod',
  'swiper',
  'query-string',
  'decode-uri-component',
  'split-on-first',
  'filter-obj',
  'nanoid',
  'style-inject',
  'lodash-es',
  'whatwg-fetch',
  'abortcontroller-polyfill',
  'jsonp-retry',
  'resolve-pathname',
  'history',
  'mobile-detect',
  'tslib',
  // Taro's H5 APIs bundle a few dependencies under their own dist/node_modules/.pnpm
  '\\.pnpm',
]

module.exports = {
  rootDir: __dirname,
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/src/**/*.test.{ts,tsx}'],
  setupFilesAfterEnv: ['<rootDir>/test/setupTests.ts'],
  transform: { '^.+\\.m?[jt]sx?$': ['babel-jest', { configFile: require.resolve('./babel.config.js') }] },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
  moduleNameMapper: {
    '^@tarojs/components$': '@tarojs/components/lib/react',
    '^@tarojs/taro$': '<rootDir>/test/taroH5.ts',
    '^lodash-es$': 'lodash',
    '^lodash-es/(.*)$': 'lodash/$1',
    '\\.(css|scss)$': '<rootDir>/test/styleStub.cjs',
  },
  globals: {
    DEPRECATED_ADAPTER_COMPONENT: false,
    XINYUAN_API_BASE: 'http://127.0.0.1:3000',
    XINYUAN_HOTLINE_TEMPLATES: { call_soon: '', missed: '' },
    XINYUAN_CHAT_REPLY_TEMPLATE: '',
    XINYUAN_LETTER_REPLY_TEMPLATE: '',
    XINYUAN_APPOINTMENT_REMINDER_TEMPLATE: '',
  },
  testTimeout: 15000,
}
