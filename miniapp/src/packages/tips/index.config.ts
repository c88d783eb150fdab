export default definePageConfig({ navigationBarTitleText: '学习小贴士' })
