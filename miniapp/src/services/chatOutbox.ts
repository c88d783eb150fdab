import Taro from '@tarojs/taro'
import { ChatOutbox, type ChatOutboxStorage, type OutboxEntry } from '@xinyuan/shared'

const key = 'xinyuan.chatOutbox'

function isEntry(value: unknown): value is OutboxEntry {
  if (typeof value !== 'object' || value === null) return false
  const entry = value as Record<string, unknown>
  return typeof entry.conversationId === 'string' && typeof entry.clientMessageId === 'string' && typeof entry.body === 'string' && typeof entry.queuedAt === 'number'
}

function load(): OutboxEntry[] {
  try {
    const raw: unknown = Taro.getStorageSync(key)
    const parsed: unknown = typeof raw === 'string' && raw !== '' ? JSON.parse(raw) : []
    return Array.isArray(parsed) ? parsed.filter(isEntry) : []
  } catch {
    return []
  }
}

/**
 * Messages written but not yet acknowledged by the server, kept in device storage so the shared chat
 * engine resends them with the same clientMessageId after a reconnect or when the app is opened again.
 * Always read from storage, so two screens (or a restart) never disagree.
 */
export const storedOutboxStorage: ChatOutboxStorage = {
  add(entry) {
    const outbox = new ChatOutbox(load())
    outbox.add(entry)
    save(outbox)
  },
  remove(clientMessageId) {
    const outbox = new ChatOutbox(load())
    outbox.acknowledge(clientMessageId)
    save(outbox)
  },
  /** Oldest first; only this conversation's. */
  pending(conversationId) {
    return new ChatOutbox(load()).pending().filter((entry) => entry.conversationId === conversationId)
  },
}

function save(outbox: ChatOutbox): void {
  try {
    if (outbox.size === 0) Taro.removeStorageSync(key)
    else Taro.setStorageSync(key, JSON.stringify(outbox.pending()))
  } catch {
    // Storage full or blocked: the outbox then lasts as long as the page.
  }
}
