import { Text, View } from '@tarojs/components'
import type { OutboxEntry, UserChatMessageView } from '@xinyuan/shared'
import type { ChatSnapshot } from './chatSession'

interface MessageListProps {
  messages: readonly UserChatMessageView[]
  sending?: readonly OutboxEntry[]
  /** Why `sending` waits: a rate refusal says the message goes out by itself, never blames the network. */
  hold?: ChatSnapshot['hold']
  failed?: ChatSnapshot['failed']
  staffCursor?: ChatSnapshot['staffCursor']
  onDismissFailed?: (clientMessageId: string) => void
}

/**
 * The conversation. Every body is plain Text: never HTML, links or images, whoever wrote it. My last
 * message carries its receipt (送达 / 已读) from the counsellor's cursors.
 */
export function MessageList({ messages, sending = [], hold = null, failed = [], staffCursor, onDismissFailed }: MessageListProps) {
  const lastMine = [...messages].reverse().find((message) => message.from === 'user')
  return (
    <View className='chat-messages'>
      {messages.map((message) =>
        message.from === 'system' ? (
          <View key={message.seq} className='chat-system'>
            <Text>{message.body}</Text>
          </View>
        ) : (
          <View key={message.seq} className={`chat-bubble-row chat-bubble-row--${message.from}`}>
            <View className={`chat-bubble chat-bubble--${message.from}`}>
              <Text userSelect>{message.body}</Text>
            </View>
            {message === lastMine && staffCursor ? <Text className='chat-receipt'>{receiptOf(message.seq, staffCursor)}</Text> : null}
          </View>
        ),
      )}
      {sending.map((entry) => (
        <View key={entry.clientMessageId} className='chat-bubble-row chat-bubble-row--user'>
          <View className='chat-bubble chat-bubble--user chat-bubble--sending'>
            <Text>{entry.body}</Text>
          </View>
          <Text className='chat-receipt'>{hold === 'rate' ? '发送太快了，稍等一下会自动发出' : '发送中…连上网络后会自动发出'}</Text>
        </View>
      ))}
      {failed.map(({ entry, reason }) => (
        <View key={entry.clientMessageId} className='chat-bubble-row chat-bubble-row--user' onClick={() => onDismissFailed?.(entry.clientMessageId)}>
          <View className='chat-bubble chat-bubble--user chat-bubble--failed'>
            <Text>{entry.body}</Text>
          </View>
          <Text className='chat-receipt chat-receipt--failed'>{`没有发出去：${reason}（点一下收起）`}</Text>
        </View>
      ))}
    </View>
  )
}

function receiptOf(seq: number, cursor: ChatSnapshot['staffCursor']): string {
  if (cursor.readSeq >= seq) return '老师已读'
  if (cursor.deliveredSeq >= seq) return '已送达'
  return '已发送'
}
