export default definePageConfig({ navigationBarTitleText: '预约咨询', enablePullDownRefresh: true })
