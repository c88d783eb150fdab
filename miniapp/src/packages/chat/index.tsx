import { View } from '@tarojs/components'
import type { UserConversationView } from '@xinyuan/shared'
import { useState } from 'react'
import { EmergencyStrip } from '../../components/EmergencyStrip'
import { PageContainer } from '../../components/PageContainer'
import { useRemote } from '../../hooks/useRemote'
import { listMyChats } from '../../services/chat'
import { ChatHistory } from './ChatHistory'
import { ChatStart } from './ChatStart'
import { Conversation } from './Conversation'
import type { ChatStartNotice } from './StartNotice'
import { Transcript } from './Transcript'
import './index.css'

type Screen = { kind: 'home' } | { kind: 'live'; conversation: UserConversationView; start?: ChatStartNotice } | { kind: 'past'; conversation: UserConversationView }

/**
 * Anonymous chat: an open conversation is picked up where it was left (also after a restart);
 * otherwise start one, or read an earlier one.
 */
export default function ChatPage() {
  const chats = useRemote(() => listMyChats({ toast: false }))
  const [screen, setScreen] = useState<Screen | null>(null)
  const open = chats.data?.find((conversation) => conversation.status !== 'closed')
  const current: Screen = screen ?? (open ? { kind: 'live', conversation: open } : { kind: 'home' })
  const backHome = () => {
    setScreen({ kind: 'home' })
    void chats.reload()
  }

  return (
    <PageContainer loading={chats.loading} ready={chats.data !== undefined} error={chats.error} onRetry={chats.reload}>
      {current.kind === 'live' ? <Conversation conversation={current.conversation} start={current.start} onLeave={backHome} /> : null}
      {current.kind === 'past' ? <Transcript conversation={current.conversation} onBack={backHome} /> : null}
      {current.kind === 'home' ? (
        <View>
          <ChatStart onStarted={(conversation, start) => setScreen({ kind: 'live', conversation, start })} />
          <ChatHistory conversations={(chats.data ?? []).filter((conversation) => conversation.status === 'closed')} onOpen={(conversation) => setScreen({ kind: 'past', conversation })} />
          <EmergencyStrip />
        </View>
      ) : null}
    </PageContainer>
  )
}
