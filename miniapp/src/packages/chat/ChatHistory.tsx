import { Text, View } from '@tarojs/components'
import { conversationStatusLabels, type UserConversationView } from '@xinyuan/shared'
import { countyShortDateTime } from '../../services/countyTime'

/** My earlier conversations (under my alias), newest first. */
export function ChatHistory({ conversations, onOpen }: { conversations: UserConversationView[]; onOpen: (conversation: UserConversationView) => void }) {
  if (conversations.length === 0) return null
  return (
    <View className='chat-history'>
      <Text className='chat-section'>我的聊天记录</Text>
      {conversations.map((conversation) => (
        <View key={conversation.id} className='chat-history__item' hoverClass='chat-history__item--pressed' onClick={() => onOpen(conversation)}>
          <View className='chat-history__row'>
            <Text className='chat-history__date'>{formatDay(conversation.createdAt)}</Text>
            <Text className='chat-history__status'>{conversationStatusLabels[conversation.status]}</Text>
          </View>
          <Text className='chat-history__preview'>{conversation.lastMessagePreview ?? '（没有消息）'}</Text>
        </View>
      ))}
    </View>
  )
}

/** "9月3日 16:00" in county time. */
export function formatDay(iso: string): string {
  return countyShortDateTime(iso)
}
