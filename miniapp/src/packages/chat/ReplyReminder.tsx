import { Text, View } from '@tarojs/components'
import type { UserConversationView } from '@xinyuan/shared'
import { useState } from 'react'
import { ActionButton } from '../../components/ActionButton'
import { describeError } from '../../services/apiError'
import { remindMeOnReply } from '../../services/chat'
import { builtInReminderBuild, chatReplyReminderAvailable, requestChatReplyReminder, type ReminderBuild } from '../../services/chatReplyReminder'

export const reminderArmedText = '好的，老师回复你时，会通过微信服务通知提醒你（只提醒一次）。'
export const reminderSkippedText = '没有开启提醒也没关系，老师回复后，打开小程序就能看到。'

interface ReplyReminderProps {
  conversationId: string
  /** The server already keeps a reminder for this conversation. */
  armed: boolean
  onArmed: (conversation: UserConversationView) => void
  build?: ReminderBuild
}

/**
 * While the chat waits, "tell me on WeChat when a counsellor replies": students often close the app and
 * WeChat drops the connection in the background. One tap asks for the subscribe message (WeChat allows
 * that only from a tap) and hands the server a login code; a refusal is fine and stays quiet.
 */
export function ReplyReminder({ conversationId, armed, onArmed, build = builtInReminderBuild }: ReplyReminderProps) {
  const [busy, setBusy] = useState(false)
  const [skipped, setSkipped] = useState(false)
  const [error, setError] = useState<string | null>(null)

  if (armed) {
    return (
      <View className='chat-reminder'>
        <Text className='chat-reminder__done'>{reminderArmedText}</Text>
      </View>
    )
  }
  if (!chatReplyReminderAvailable(build)) return null

  const ask = async () => {
    setBusy(true)
    setSkipped(false)
    setError(null)
    try {
      const code = await requestChatReplyReminder(build)
      if (code === undefined) {
        setSkipped(true)
        return
      }
      onArmed(await remindMeOnReply(conversationId, { code }, { toast: false }))
    } catch (caught) {
      setError(describeError(caught))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='chat-reminder'>
      <ActionButton variant='secondary' busy={busy} onClick={() => void ask()}>
        老师回复时微信提醒我
      </ActionButton>
      {skipped ? <Text className='chat-reminder__note'>{reminderSkippedText}</Text> : null}
      {error ? <Text className='chat-error'>{error}</Text> : null}
    </View>
  )
}
