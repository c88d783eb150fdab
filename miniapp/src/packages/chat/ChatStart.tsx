import { Text, Textarea, View } from '@tarojs/components'
import { chatMessageMaxChars, newClientMessageId, type StartChatResult, type UserConversationView } from '@xinyuan/shared'
import { useState } from 'react'
import { ActionButton } from '../../components/ActionButton'
import { Notice } from '../../components/Notice'
import { OtherWays } from '../../components/OtherWays'
import { describeError } from '../../services/apiError'
import { startChat } from '../../services/chat'
import type { ChatStartNotice } from './StartNotice'

interface ChatStartProps {
  /** The conversation opened, with what the server said (a danger notice, or why it waits for the next shift). */
  onStarted: (conversation: UserConversationView, start: ChatStartNotice) => void
}

/**
 * Start a chat, optionally with what is on your mind. Nobody on duty: say so kindly, offer the phone
 * lines and a letter, and keep the message for the next shift if the student wants that.
 */
export function ChatStart({ onStarted }: ChatStartProps) {
  const [draft, setDraft] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [nobody, setNobody] = useState<StartChatResult | null>(null)
  const [messageId] = useState(() => newClientMessageId())

  const start = async (keepForNextShift: boolean) => {
    setBusy(true)
    setError(null)
    try {
      const body = draft.trim()
      const result = await startChat({ ...(body ? { firstMessage: { clientMessageId: messageId, body } } : {}), ...(keepForNextShift ? { keepForNextShift } : {}) }, { toast: false })
      if (result.outcome === 'nobody_on_duty' || !result.conversation) setNobody(result)
      else onStarted(result.conversation, result)
    } catch (caught) {
      setError(describeError(caught))
    } finally {
      setBusy(false)
    }
  }

  if (nobody) {
    return (
      <View className='chat-start'>
        <Notice tone='warm' title='现在没有老师在线'>
          <Text>{nobody.notice}</Text>
        </Notice>
        <ActionButton busy={busy} onClick={() => void start(true)}>
          {draft.trim() ? '把我的话留给下一班老师' : '帮我排上，下一班老师来了就找我'}
        </ActionButton>
        {error ? <Text className='chat-error'>{error}</Text> : null}
        <OtherWays title='现在就想找人说说话' lines={nobody.helplines.length > 0 ? nobody.helplines : undefined} offer={['hotline', 'letters']} />
      </View>
    )
  }

  return (
    <View className='chat-start'>
      <Text className='chat-start__title'>和老师文字聊聊</Text>
      <Text className='chat-start__lead'>你只会以化名出现，老师看不到你的微信和电话。想说什么都可以，说一点点也没关系。</Text>
      <Textarea
        className='chat-start__input'
        value={draft}
        maxlength={chatMessageMaxChars}
        placeholder='可以先写下想聊的事（也可以不写）'
        onInput={(event) => setDraft(event.detail.value)}
      />
      <ActionButton busy={busy} onClick={() => void start(false)}>
        开始聊天
      </ActionButton>
      {error ? <Text className='chat-error'>{error}</Text> : null}
    </View>
  )
}
