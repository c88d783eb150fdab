import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { pagePaths } from '../../navigation'
import { noteMyQuickExit } from '../../services/chat'
import { leftChatStore } from '../../services/storage'

/**
 * One tap away from the chat to a neutral page, without a way "back" into the conversation (back from
 * there goes home). With an open chat the counsellor is told calmly in the chat that the student stepped
 * away, and home offers "回到刚才的对话". The page changes at once: telling the counsellor never waits.
 */
export function QuickExit(props: { conversationId?: string }) {
  const leave = () => {
    if (props.conversationId) {
      leftChatStore.set(props.conversationId)
      noteMyQuickExit(props.conversationId, { toast: false }).catch(() => undefined)
    }
    void Taro.reLaunch({ url: pagePaths.studyTips })
  }
  return (
    <View className='chat-exit' hoverClass='chat-exit--pressed' onClick={leave}>
      <Text>快速离开</Text>
    </View>
  )
}
