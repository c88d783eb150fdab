import { ChatOutbox, type OutboxEntry } from "@xinyuan/shared";

/**
 * Unacknowledged messages survive a reload of the tab: the outbox is kept in sessionStorage (the
 * session itself lives there too) and resent, with the same clientMessageId, after every reconnect.
 */
const key = "xinyuan.admin.chatOutbox";

function read(): OutboxEntry[] {
  try {
    const raw = window.sessionStorage.getItem(key);
    return raw ? (JSON.parse(raw) as OutboxEntry[]) : [];
  } catch {
    return [];
  }
}

export const chatOutbox = new ChatOutbox(typeof window === "undefined" ? [] : read());

export function saveOutbox(): void {
  try {
    window.sessionStorage.setItem(key, JSON.stringify(chatOutbox.pending()));
  } catch {
    // storage full or disabled: the outbox still works for this page's life
  }
}

export function pendingFor(conversationId: string): OutboxEntry[] {
  return chatOutbox.pending().filter((entry) => entry.conversationId === conversationId);
}
