import type { ClientToServerEvents, ServerToClientEvents, UserConversationView } from '@xinyuan/shared'
import { getMyChat } from '../../services/chat'
import { emitWithAck, onConnectionChange, onResync, onServerEvent, type AckOf } from '../../services/socket'

type ClientEvent = keyof ClientToServerEvents
type ServerEvent = keyof ServerToClientEvents

/** What a conversation needs from the socket; tests pass their own. */
export interface ChatPort {
  emit<E extends ClientEvent>(event: E, input: Parameters<ClientToServerEvents[E]>[0]): Promise<AckOf<E>>
  on<E extends ServerEvent>(event: E, listener: ServerToClientEvents[E]): () => void
  onResync(listener: () => void): () => void
  /** Connected or not, now and on every change (for the "正在重新连接…" banner). */
  onConnectionChange(listener: (connected: boolean) => void): () => void
  /**
   * The conversation as the server sees it now (GET /me/chats/:id), or null when it cannot be read: a
   * "chat:status" sent while the socket was away is never replayed, so each (re)connect reads it again.
   */
  conversation(id: string): Promise<UserConversationView | null>
}

export const socketChatPort: ChatPort = {
  emit: emitWithAck,
  on: onServerEvent,
  onResync,
  onConnectionChange,
  conversation: (id) => getMyChat(id, { toast: false }).catch(() => null),
}
