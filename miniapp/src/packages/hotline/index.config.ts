export default definePageConfig({ navigationBarTitleText: '热线排队 / 回拨' })
