import type { UserConversationView } from '@xinyuan/shared'
import { useEffect, useRef, useState } from 'react'
import type { ChatPort } from './chatPort'
import { ChatSession, type ChatSnapshot } from './chatSession'

/** Runs a ChatSession while the conversation is on screen. */
export function useChatSession(conversation: UserConversationView, port: ChatPort): { session: ChatSession; snapshot: ChatSnapshot } {
  const sessionRef = useRef<ChatSession | null>(null)
  const [snapshot, setSnapshot] = useState<ChatSnapshot | null>(null)
  if (!sessionRef.current || sessionRef.current.conversationId !== conversation.id) {
    sessionRef.current = new ChatSession(conversation, port, setSnapshot)
  }
  const session = sessionRef.current
  useEffect(() => {
    session.start()
    return () => session.stop()
  }, [session])
  return { session, snapshot: snapshot ?? session.current }
}
