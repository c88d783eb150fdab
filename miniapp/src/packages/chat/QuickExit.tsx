import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { pagePaths } from '../../navigation'

/** One tap away from the chat to a neutral page, without a way "back" into the conversation. */
export function QuickExit() {
  return (
    <View className='chat-exit' hoverClass='chat-exit--pressed' onClick={() => void Taro.reLaunch({ url: pagePaths.studyTips })}>
      <Text>快速离开</Text>
    </View>
  )
}
