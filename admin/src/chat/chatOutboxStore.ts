import { ChatOutbox, type ChatOutboxStorage, type OutboxEntry } from "@xinyuan/shared";

/**
 * Unacknowledged messages survive a reload of the tab: the outbox is kept in sessionStorage (the
 * session itself lives there too) and resent, with the same clientMessageId, after every reconnect.
 * It is kept per staff member (the key carries their id) and cleared when the session ends, so on a
 * shared computer the next person signed in never resends someone else's unsent text under their name.
 */
const keyPrefix = "xinyuan.admin.chatOutbox";
const storageKey = (staffId: string) => `${keyPrefix}.${staffId}`;
/** Ours, including the one unkeyed outbox older versions kept. */
const isOutboxKey = (key: string) => key === keyPrefix || key.startsWith(`${keyPrefix}.`);

export type OutboxStorage = Pick<Storage, "getItem" | "setItem" | "removeItem" | "key" | "length">;

export interface ChatOutboxStore {
  /** The signed-in staff member's outbox (loaded from storage the first time it is asked for). */
  outboxOf(staffId: string): ChatOutbox;
  pendingFor(staffId: string, conversationId: string): OutboxEntry[];
  save(staffId: string): void;
  /** Forgets every staff member's unsent messages, in memory and in storage: called when a session ends. */
  clear(): void;
}

/** The outbox store over a storage; the admin uses the one instance below, tests pass their own storage. */
export function createChatOutboxStore(storage: () => OutboxStorage | null): ChatOutboxStore {
  let loaded: { staffId: string; outbox: ChatOutbox } | null = null;

  const read = (staffId: string): OutboxEntry[] => {
    try {
      const raw = storage()?.getItem(storageKey(staffId));
      return raw ? (JSON.parse(raw) as OutboxEntry[]) : [];
    } catch {
      return [];
    }
  };

  const outboxOf = (staffId: string): ChatOutbox => {
    if (loaded?.staffId !== staffId) loaded = { staffId, outbox: new ChatOutbox(read(staffId)) };
    return loaded.outbox;
  };

  return {
    outboxOf,
    pendingFor: (staffId, conversationId) => outboxOf(staffId).pending().filter((entry) => entry.conversationId === conversationId),
    save(staffId) {
      // A send that finishes after sign-out must not write the old outbox back.
      if (loaded?.staffId !== staffId) return;
      const pending = loaded.outbox.pending();
      try {
        if (pending.length > 0) storage()?.setItem(storageKey(staffId), JSON.stringify(pending));
        else storage()?.removeItem(storageKey(staffId));
      } catch {
        // storage full or disabled: the outbox still works for this page's life
      }
    },
    clear() {
      loaded = null;
      try {
        const store = storage();
        if (!store) return;
        const keys: string[] = [];
        for (let index = 0; index < store.length; index += 1) {
          const key = store.key(index);
          if (key !== null && isOutboxKey(key)) keys.push(key);
        }
        for (const key of keys) store.removeItem(key);
      } catch {
        // storage disabled: nothing was kept there
      }
    },
  };
}

export const chatOutboxStore = createChatOutboxStore(() => (typeof window === "undefined" ? null : window.sessionStorage));

/** One staff member's outbox as the shared chat engine's storage port (saved after every change). */
export function staffOutboxStorage(store: ChatOutboxStore, staffId: string): ChatOutboxStorage {
  return {
    pending: (conversationId) => store.pendingFor(staffId, conversationId),
    add(entry) {
      store.outboxOf(staffId).add(entry);
      store.save(staffId);
    },
    remove(clientMessageId) {
      store.outboxOf(staffId).acknowledge(clientMessageId);
      store.save(staffId);
    },
  };
}
