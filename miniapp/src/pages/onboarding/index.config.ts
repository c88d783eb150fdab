export default definePageConfig({
  navigationBarTitleText: '欢迎来到心援',
  enablePullDownRefresh: true,
  enableShareAppMessage: true,
})
