import { View } from '@tarojs/components'
import type { UserConversationView } from '@xinyuan/shared'
import { useState } from 'react'
import { EmergencyStrip } from '../../components/EmergencyStrip'
import { PageContainer } from '../../components/PageContainer'
import { useRemote } from '../../hooks/useRemote'
import { listMyChats } from '../../services/chat'
import { getMe } from '../../services/me'
import { awaitsGuardian } from '../../pages/onboarding/steps'
import { ChatGuardianFirst } from './ChatGuardianFirst'
import { ChatHistory } from './ChatHistory'
import { ChatStart } from './ChatStart'
import { Conversation } from './Conversation'
import type { ChatStartNotice } from './StartNotice'
import { Transcript } from './Transcript'
import './index.css'

type Screen = { kind: 'home' } | { kind: 'live'; conversation: UserConversationView; start?: ChatStartNotice } | { kind: 'past'; conversation: UserConversationView }

/**
 * Anonymous chat: an open conversation is picked up where it was left (also after a restart);
 * otherwise start one, or read an earlier one. An under-14 still waiting for a guardian's consent is
 * offered the phone now instead of a start form the server would refuse.
 */
export default function ChatPage() {
  const chats = useRemote(() => listMyChats({ toast: false }))
  // Only to know whether starting needs a guardian first; if it fails, the form shows and the server decides.
  const me = useRemote(() => getMe({ toast: false }))
  const [screen, setScreen] = useState<Screen | null>(null)
  const open = chats.data?.find((conversation) => conversation.status !== 'closed')
  const current: Screen = screen ?? (open ? { kind: 'live', conversation: open } : { kind: 'home' })
  const backHome = () => {
    setScreen({ kind: 'home' })
    void chats.reload()
  }
  const reload = async () => {
    await Promise.all([chats.reload(), me.reload()])
  }

  return (
    <PageContainer loading={chats.loading || me.loading} ready={chats.data !== undefined && (me.data !== undefined || Boolean(me.error))} error={chats.error} onRetry={reload}>
      {current.kind === 'live' ? <Conversation conversation={current.conversation} start={current.start} onLeave={backHome} /> : null}
      {current.kind === 'past' ? <Transcript conversation={current.conversation} onBack={backHome} /> : null}
      {current.kind === 'home' ? (
        <View>
          {me.data && awaitsGuardian(me.data) ? <ChatGuardianFirst /> : <ChatStart onStarted={(conversation, start) => setScreen({ kind: 'live', conversation, start })} />}
          <ChatHistory conversations={(chats.data ?? []).filter((conversation) => conversation.status === 'closed')} onOpen={(conversation) => setScreen({ kind: 'past', conversation })} />
          <EmergencyStrip />
        </View>
      ) : null}
    </PageContainer>
  )
}
