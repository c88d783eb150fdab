import { Text, View } from '@tarojs/components'
import './index.css'

const tips = [
  { title: '番茄学习法', text: '专注 25 分钟，休息 5 分钟。每完成四轮，休息得久一点。' },
  { title: '先易后难', text: '先做会做的题，把难题标出来，留到最后集中时间攻克。' },
  { title: '错题本', text: '把错题抄下来，写上错在哪里、正确思路是什么，每周翻一遍。' },
  { title: '睡个好觉', text: '睡眠能帮大脑整理当天学过的内容，尽量在 11 点前睡。' },
  { title: '出声复述', text: '合上书，用自己的话把刚学的内容讲一遍，讲不出来的地方就是要再看的地方。' },
]

/**
 * A neutral page for "quick exit" from the chat: plain study tips, nothing that hints at counselling.
 * It is opened with reLaunch, so the back button does not return to the conversation.
 */
export default function StudyTipsPage() {
  return (
    <View className='tips'>
      <Text className='tips__title'>高效学习小贴士</Text>
      {tips.map((tip) => (
        <View key={tip.title} className='tips__card'>
          <Text className='tips__name'>{tip.title}</Text>
          <Text className='tips__text'>{tip.text}</Text>
        </View>
      ))}
    </View>
  )
}
