import { Text, View } from '@tarojs/components'
import type { UserConversationView } from '@xinyuan/shared'
import { ActionButton } from '../../components/ActionButton'
import { PageStates } from '../../components/PageContainer'
import { useRemote } from '../../hooks/useRemote'
import { listAllMessages } from '../../services/chat'
import { formatDay } from './ChatHistory'
import { MessageList } from './MessageList'
import { QuickExit } from './QuickExit'
import { RateChat } from './RateChat'

/**
 * A finished conversation, read-only; rate it if that was skipped. Quick exit and a way back stay on
 * screen while it loads, when it is empty and when it fails (the chat page around it is the page frame).
 */
export function Transcript({ conversation, onBack }: { conversation: UserConversationView; onBack: () => void }) {
  const messages = useRemote(() => listAllMessages(conversation.id, { toast: false }))
  return (
    <View>
      <View className='chat-bar'>
        <Text className='chat-bar__status'>{`${formatDay(conversation.createdAt)} 的聊天`}</Text>
        <QuickExit />
      </View>
      <PageStates loading={messages.loading} ready={messages.data !== undefined} error={messages.error} onRetry={messages.reload} empty={messages.data?.length === 0} emptyText='这次聊天没有留下消息。'>
        <MessageList messages={messages.data ?? []} />
      </PageStates>
      {conversation.canRate && messages.data !== undefined ? (
        <RateChat conversationId={conversation.id} onDone={onBack} />
      ) : (
        <ActionButton variant='secondary' onClick={onBack}>
          返回
        </ActionButton>
      )}
    </View>
  )
}
