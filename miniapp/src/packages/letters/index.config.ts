export default definePageConfig({ navigationBarTitleText: '学校心理信箱' })
