import { ScrollView, Text, Textarea, View } from '@tarojs/components'
import { chatMessageMaxChars, type UserConversationView } from '@xinyuan/shared'
import { useEffect, useReducer, useRef, useState } from 'react'
import { ActionButton } from '../../components/ActionButton'
import { OtherWays } from '../../components/OtherWays'
import { ReconnectingBanner } from '../../components/ReconnectingBanner'
import { useReconnecting } from '../../hooks/useReconnecting'
import { describeError } from '../../services/apiError'
import { endMyChat } from '../../services/chat'
import { leftChatStore } from '../../services/storage'
import type { ReminderBuild } from '../../services/chatReplyReminder'
import { bottomScrollTop, followReducer, initialFollow } from './chatFollow'
import { socketChatPort, type ChatPort } from './chatPort'
import { MessageList } from './MessageList'
import { QuickExit } from './QuickExit'
import { RateChat } from './RateChat'
import { ReplyReminder } from './ReplyReminder'
import { StartNotice, type ChatStartNotice } from './StartNotice'
import { useChatSession } from './useChatSession'

interface ConversationProps {
  conversation: UserConversationView
  onLeave: () => void
  /** What the server said when this chat was just started (none when it was picked up later). */
  start?: ChatStartNotice
  port?: ChatPort
  /** Whether WeChat reply reminders can be offered; this build's unless a test says otherwise. */
  reminderBuild?: ReminderBuild
}

/**
 * A live conversation: the start notice, waiting line, messages, typing, receipts, end and rate; quick
 * exit always visible. Only the messages scroll: the input, "需要马上打电话求助？" and the lines stay on
 * screen; new messages are followed unless the reader scrolled up (then a "新消息" pill, chatFollow.ts). While it waits for the next shift, the other ways to get help stay on screen;
 * while it waits at all, a WeChat reminder for the counsellor's reply can be asked for.
 */
export function Conversation({ conversation, onLeave, start, port = socketChatPort, reminderBuild }: ConversationProps) {
  const { session, snapshot } = useChatSession(conversation, port)
  const reconnecting = useReconnecting(port.onConnectionChange)
  const [draft, setDraft] = useState('')
  const [ending, setEnding] = useState(false)
  const [confirmEnd, setConfirmEnd] = useState(false)
  const [showHelp, setShowHelp] = useState(false)
  const [endError, setEndError] = useState<string | null>(null)
  const [noticeDismissed, setNoticeDismissed] = useState(false)
  const [held, setHeld] = useState(conversation.heldForNextShift)
  const [replyReminder, setReplyReminder] = useState(conversation.replyReminder)
  const [follow, dispatchFollow] = useReducer(followReducer, initialFollow)
  const shown = useRef({ messages: snapshot.messages.length, sending: snapshot.sending.length })
  useEffect(() => {
    const before = shown.current
    shown.current = { messages: snapshot.messages.length, sending: snapshot.sending.length }
    const arrived = snapshot.messages.slice(before.messages)
    const mine = snapshot.sending.length > before.sending || arrived.some((message) => message.from === 'user')
    dispatchFollow({ kind: 'arrived', count: Math.max(arrived.length, mine ? 1 : 0), mine })
  }, [snapshot.messages, snapshot.sending])
  // back in the chat: home no longer needs to offer the way back
  useEffect(() => leftChatStore.set(null), [])
  const closed = snapshot.status === 'closed'
  const waiting = snapshot.status === 'waiting' && !snapshot.withCounsellor
  // Held until a counsellor takes it; a later return to the queue is a normal wait, not the next shift.
  if (held && (snapshot.withCounsellor || snapshot.counsellorComing || snapshot.status !== 'waiting')) setHeld(false)
  // the last counsellor on duty went away while this chat waited: the server says so (with the lines in the stream)
  if (!held && snapshot.heldForNextShift && snapshot.status === 'waiting') setHeld(true)
  const startLines = start && start.helplines.length > 0 ? start.helplines : undefined
  // A notice with phone lines stays: the first words sounded like danger, or the chat waits for the next shift.
  const noticePinned = startLines !== undefined && (start?.outcome !== 'held_for_next_shift' || held)

  const send = () => {
    if (draft.trim() === '') return
    session.send(draft)
    setDraft('')
  }

  const end = async () => {
    setEnding(true)
    setEndError(null)
    try {
      await endMyChat(conversation.id, { toast: false })
      session.discardPending()
      await session.resync()
    } catch (caught) {
      setEndError(describeError(caught))
    } finally {
      setEnding(false)
      setConfirmEnd(false)
    }
  }

  return (
    <View className='chat-conversation'>
      <View className='chat-bar'>
        <Text className='chat-bar__status'>{statusLine(snapshot.status, snapshot.queuePosition, snapshot.withCounsellor, held, snapshot.counsellorComing)}</Text>
        <QuickExit conversationId={closed ? undefined : conversation.id} />
      </View>
      {reconnecting && !closed ? <ReconnectingBanner reassurance='写好的话会先存着，连上后自动发出，老师的回复也不会丢。' /> : null}
      <View className='chat-scroll-frame'>
        <ScrollView
          className='chat-scroll'
          scrollY
          scrollTop={bottomScrollTop(follow.jumps)}
          lowerThreshold={48}
          onScroll={(event) => dispatchFollow({ kind: 'scrolled', top: event.detail.scrollTop })}
          onScrollToLower={() => dispatchFollow({ kind: 'reachedBottom' })}
        >
          {start && !noticeDismissed ? <StartNotice start={start} linesShownElsewhere={held} onDismiss={noticePinned ? undefined : () => setNoticeDismissed(true)} /> : null}
          {waiting ? <ReplyReminder conversationId={conversation.id} armed={replyReminder} onArmed={(view) => setReplyReminder(view.replyReminder)} build={reminderBuild} /> : null}
          <MessageList messages={snapshot.messages} sending={snapshot.sending} hold={snapshot.hold} failed={snapshot.failed} staffCursor={snapshot.staffCursor} onDismissFailed={(id) => session.dismissFailed(id)} />
          {snapshot.counsellorTyping && !closed ? <Text className='chat-typing'>老师正在输入…</Text> : null}
        </ScrollView>
        {follow.unseen > 0 ? (
          <View className='chat-new-pill' onClick={() => dispatchFollow({ kind: 'jump' })}>
            <Text>新消息</Text>
          </View>
        ) : null}
      </View>
      {closed && snapshot.canRate ? (
        <RateChat conversationId={conversation.id} onDone={onLeave} />
      ) : closed ? (
        <View className='chat-rate'>
          <Text className='chat-rate__title'>谢谢你愿意来聊。难受的感觉再来的时候，随时可以再找我们，也可以拨打 12356。</Text>
          <ActionButton variant='secondary' onClick={onLeave}>
            返回
          </ActionButton>
        </View>
      ) : (
        <View className='chat-compose'>
          <Textarea
            className='chat-compose__input'
            value={draft}
            maxlength={chatMessageMaxChars}
            autoHeight
            placeholder='想说什么都可以，慢慢打字'
            onInput={(event) => {
              setDraft(event.detail.value)
              session.typing()
            }}
          />
          <ActionButton disabled={draft.trim() === ''} onClick={send}>
            发送
          </ActionButton>
        </View>
      )}
      {!closed ? (
        <View className='chat-tools'>
          {held ? null : (
            <Text className='chat-tools__link' onClick={() => setShowHelp(!showHelp)}>
              {showHelp ? '收起求助电话' : '需要马上打电话求助？'}
            </Text>
          )}
          <Text className='chat-tools__link' onClick={() => setConfirmEnd(true)}>
            结束聊天
          </Text>
        </View>
      ) : null}
      {confirmEnd ? (
        <View className='chat-confirm'>
          <Text className='chat-confirm__text'>确定要结束这次聊天吗？以后想聊随时可以再来。</Text>
          <ActionButton busy={ending} onClick={() => void end()}>
            结束聊天
          </ActionButton>
          <ActionButton variant='quiet' onClick={() => setConfirmEnd(false)}>
            继续聊
          </ActionButton>
          {endError ? <Text className='chat-error'>{endError}</Text> : null}
        </View>
      ) : null}
      <View className='chat-lines'>
        {held && !closed ? <OtherWays title='等老师的时候，也可以这样找到我们' lines={startLines} offer={['hotline', 'letters']} /> : null}
        {showHelp && !held ? <OtherWays title='这些电话随时有人接' offer={[]} /> : null}
      </View>
    </View>
  )
}

function statusLine(status: UserConversationView['status'], position: number | null, withCounsellor: boolean, held: boolean, counsellorComing: boolean): string {
  if (status === 'closed') return '这次聊天已经结束'
  if (withCounsellor) return '老师在这里陪着你'
  if (counsellorComing) return '已为你找到老师，老师马上就来'
  if (held) return '现在没有老师值班，下一班老师上线后会回复你'
  if (position !== null) return `正在为你安排老师，前面还有 ${Math.max(position - 1, 0)} 位`
  return '正在为你安排老师，请稍等'
}
