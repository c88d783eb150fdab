import type { OutboxEntry } from "@xinyuan/shared";
import { createChatOutboxStore, staffOutboxStorage, type OutboxStorage } from "./chatOutboxStore";

/** sessionStorage's shape over a Map, for a node test environment. */
class MemoryStorage implements OutboxStorage {
  readonly items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

const entry = (clientMessageId: string, body: string): OutboxEntry => ({ conversationId: "c1", clientMessageId, body, queuedAt: Date.now() });

describe("chat outbox store", () => {
  it("keeps each staff member's unsent messages under their own id, across a reload", () => {
    const storage = new MemoryStorage();
    const tab = createChatOutboxStore(() => storage);
    tab.outboxOf("counsellor-a").add(entry("m1", "你好，我在"));
    tab.save("counsellor-a");

    const reloaded = createChatOutboxStore(() => storage);
    expect(reloaded.pendingFor("counsellor-a", "c1").map((item) => item.body)).toEqual(["你好，我在"]);
    expect(reloaded.pendingFor("counsellor-b", "c1")).toEqual([]);
  });

  it("never hands another staff member's entries to the one signed in now, even without a reload", () => {
    const tab = createChatOutboxStore(() => new MemoryStorage());
    tab.outboxOf("counsellor-a").add(entry("m1", "你好，我在"));
    expect(tab.pendingFor("counsellor-b", "c1")).toEqual([]);
  });

  it("forgets every outbox, in memory and in storage (including the old unkeyed one), when cleared", () => {
    const storage = new MemoryStorage();
    storage.setItem("xinyuan.admin.chatOutbox", JSON.stringify([entry("old", "旧版本留下的")]));
    storage.setItem("xinyuan.admin.session", "{}");
    const tab = createChatOutboxStore(() => storage);
    const outbox = tab.outboxOf("counsellor-a");
    outbox.add(entry("m1", "你好，我在"));
    tab.save("counsellor-a");

    tab.clear();
    expect([...storage.items.keys()]).toEqual(["xinyuan.admin.session"]);
    expect(tab.pendingFor("counsellor-a", "c1")).toEqual([]);

    // A send still on its way at sign-out finishes later: it must not write the old outbox back.
    outbox.acknowledge("m1");
    tab.save("counsellor-a");
    expect(storage.items.size).toBe(1);
  });

  it("removes the stored key once everything has been acknowledged", () => {
    const storage = new MemoryStorage();
    const tab = createChatOutboxStore(() => storage);
    tab.outboxOf("counsellor-a").add(entry("m1", "你好"));
    tab.save("counsellor-a");
    tab.outboxOf("counsellor-a").acknowledge("m1");
    tab.save("counsellor-a");
    expect(storage.items.size).toBe(0);
  });
});

describe("the chat engine's outbox port", () => {
  it("saves what the engine queues under the staff member's key, and removes it once acknowledged", () => {
    const storage = new MemoryStorage();
    const port = staffOutboxStorage(createChatOutboxStore(() => storage), "counsellor-a");
    port.add(entry("m1", "你好"));
    port.add(entry("m2", "我在"));
    expect(createChatOutboxStore(() => storage).pendingFor("counsellor-a", "c1").map((item) => item.body)).toEqual(["你好", "我在"]);
    port.remove("m1");
    expect(port.pending("c1").map((item) => item.clientMessageId)).toEqual(["m2"]);
    port.remove("m2");
    expect(storage.items.size).toBe(0);
  });
});

describe("signing out", () => {
  const globals = globalThis as { window?: unknown };
  afterEach(() => {
    delete globals.window;
  });

  it("clears the chat outbox, so the next person on a shared computer cannot resend it", () => {
    const storage = new MemoryStorage();
    globals.window = { sessionStorage: storage };
    jest.isolateModules(() => {
      const { chatOutboxStore } = require("./chatOutboxStore") as typeof import("./chatOutboxStore");
      const { signOut } = require("../session/signOut") as typeof import("../session/signOut");
      chatOutboxStore.outboxOf("counsellor-a").add(entry("m1", "你好，我在"));
      chatOutboxStore.save("counsellor-a");
      expect(storage.items.size).toBe(1);

      signOut();
      expect(storage.items.size).toBe(0);
      expect(chatOutboxStore.pendingFor("counsellor-a", "c1")).toEqual([]);
    });
  });
});
