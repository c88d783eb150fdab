/**
 * Main package: only the first screens (home, first-run). Every other page is a subpackage, so the main
 * package stays far below WeChat's 2 MB cap (our own check: 1.5 MB). Paths mirror src/navigation.ts.
 */
export default defineAppConfig({
  pages: ['pages/index/index', 'pages/onboarding/index'],
  subPackages: [
    { root: 'packages/hotline', pages: ['index'] },
    { root: 'packages/chat', pages: ['index'] },
    { root: 'packages/letters', pages: ['index'] },
    { root: 'packages/me', pages: ['index'] },
    { root: 'packages/tips', pages: ['index'] },
    { root: 'packages/articles', pages: ['index', 'campaign', 'signups'] },
    { root: 'packages/appointments', pages: ['index'] },
    { root: 'packages/guardian', pages: ['index'] },
  ],
  window: {
    backgroundTextStyle: 'dark',
    backgroundColor: '#f7f3ee',
    navigationBarBackgroundColor: '#f7f3ee',
    navigationBarTitleText: '心援',
    navigationBarTextStyle: 'black',
    // WeChat's own bar in the weapp; in the H5 build Taro draws the same bar (title, back, or home when a
    // page was opened directly), which a browser otherwise lacks.
    navigationStyle: 'default',
  },
  __usePrivacyCheck__: true,
  // H5 only (WeChat draws its own transitions): no page slide. Taro's H5 router hides the page behind a new one
  // on a timer after the slide; going back before the timer fires (a quick tap on 返回) left the home hidden
  // behind that timer's shade — a blank screen. Without the slide the page is hidden and shown at once.
  ...(process.env.TARO_ENV === 'h5' ? { animation: false } : {}),
})
