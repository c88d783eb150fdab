export default definePageConfig({ navigationBarTitleText: '心援', enableShareAppMessage: true, enableShareTimeline: true })
