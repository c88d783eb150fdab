export default definePageConfig({
  navigationBarTitleText: '热线排队 / 回拨',
  enablePullDownRefresh: true,
})
