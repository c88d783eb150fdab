export default definePageConfig({
  navigationBarTitleText: '心援',
  enablePullDownRefresh: true,
})
