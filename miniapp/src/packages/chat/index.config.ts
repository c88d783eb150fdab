export default definePageConfig({ navigationBarTitleText: '匿名在线咨询' })
