import type { ChatResumeResult, ResumeChatInput, SendChatMessageInput, UserChatMessageView } from "../chat";
import type { OutboxEntry } from "../chatSync";
import { chatRetryRule } from "./chatRetryRule";
import { ChatSessionEngine, type ChatSessionSnapshot } from "./chatSessionEngine";
import { memoryOutboxStorage, type ChatAnswer, type ChatTimers, type ChatTransport } from "./chatSessionPorts";

const conversationId = "3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b0a";
type Refusal = { code: string; message: string; retryAfterMs?: number };

/** Time that moves only when the test says so. */
function manualTimers() {
  let now = 1_000_000;
  const due: Array<{ at: number; run: () => void; handle: number }> = [];
  let next = 1;
  const timers: ChatTimers = {
    now: () => now,
    setTimeout: (run, ms) => {
      const handle = next++;
      due.push({ at: now + ms, run, handle });
      return handle;
    },
    clearTimeout: (handle) => {
      const index = due.findIndex((item) => item.handle === handle);
      if (index >= 0) due.splice(index, 1);
    },
  };
  return {
    timers,
    pendingTimers: () => due.length,
    async advance(ms: number) {
      now += ms;
      for (let ready = due.filter((item) => item.at <= now); ready.length > 0; ready = due.filter((item) => item.at <= now)) {
        for (const item of ready) {
          due.splice(due.indexOf(item), 1);
          item.run();
        }
        await settle();
      }
      await settle();
    },
  };
}

const settle = async () => {
  for (let turn = 0; turn < 10; turn += 1) await Promise.resolve();
};

/**
 * The server's delivery rules in memory: one message per clientMessageId with the next seq (a resend
 * gets the same seq back), resume after a seq. Sends can be answered at once, held, refused or lost.
 */
function fakeServer() {
  const stored: UserChatMessageView[] = [];
  const received: string[] = [];
  const held: Array<() => void> = [];
  const options = { online: true, holdSends: false, refuse: null as null | ((input: SendChatMessageInput) => Refusal | null), pageSize: 200 };
  const pushes: Array<(message: UserChatMessageView) => void> = [];

  const store = (input: SendChatMessageInput): UserChatMessageView => {
    const existing = stored.find((message) => message.clientMessageId === input.clientMessageId);
    if (existing) return existing;
    const message: UserChatMessageView = { conversationId, seq: stored.length + 1, clientMessageId: input.clientMessageId, from: "user", body: input.body, createdAt: new Date(0).toISOString() };
    stored.push(message);
    for (const push of pushes) push(message);
    return message;
  };
  const lost: ChatAnswer<never> = { ok: false, error: { code: "TIMEOUT", message: "网络不太稳定" } };

  const transport: ChatTransport<UserChatMessageView> = {
    send: (input) =>
      new Promise((resolve) => {
        received.push(input.body);
        if (!options.online) return resolve(lost);
        const refusal = options.refuse?.(input);
        if (refusal) return resolve({ ok: false, error: refusal });
        const message = store(input);
        if (options.holdSends) held.push(() => resolve({ ok: true, data: message }));
        else resolve({ ok: true, data: message });
      }),
    resume: (input: ResumeChatInput) => {
      if (!options.online) return Promise.resolve(lost);
      const after = stored.filter((message) => message.seq > input.afterSeq);
      const result: ChatResumeResult<UserChatMessageView> = { messages: after.slice(0, options.pageSize), hasMore: after.length > options.pageSize, lastSeq: stored.length, status: "active", cursors: { user: { deliveredSeq: 0, readSeq: 0 }, staff: { deliveredSeq: 0, readSeq: 0 } } };
      return Promise.resolve({ ok: true, data: result });
    },
  };
  return { stored, received, options, transport, held, onPush: (push: (message: UserChatMessageView) => void) => pushes.push(push), releaseSends: () => held.splice(0).forEach((release) => release()) };
}

function session(server = fakeServer(), outbox = memoryOutboxStorage(), clock = manualTimers()) {
  const snapshots: Array<ChatSessionSnapshot<UserChatMessageView>> = [];
  const applied: string[] = [];
  let id = 0;
  const engine = new ChatSessionEngine<UserChatMessageView>({
    conversationId,
    transport: server.transport,
    outbox,
    timers: clock.timers,
    newId: () => `client-message-${String((id += 1)).padStart(3, "0")}`,
    onChange: (snapshot) => snapshots.push(snapshot),
    onApplied: (messages) => applied.push(...messages.map((message) => message.body)),
  });
  return { engine, server, outbox, clock, snapshots, applied, last: () => engine.snapshot };
}

const bodies = (messages: readonly { body: string }[]) => messages.map((message) => message.body);

describe("chat session engine: sending", () => {
  it("sends one message at a time, oldest first, so the server stores them in the order written", async () => {
    const { engine, server } = session();
    server.options.holdSends = true;
    await engine.resync();
    engine.send("一");
    engine.send("二");
    engine.send("三");
    expect(server.received).toEqual(["一"]); // the next waits for the ack
    for (let turn = 0; turn < 3; turn += 1) {
      server.releaseSends();
      await settle();
    }
    expect(bodies(server.stored)).toEqual(["一", "二", "三"]);
    expect(bodies(engine.snapshot.messages)).toEqual(["一", "二", "三"]);
    expect(engine.snapshot.sending).toEqual([]);
  });

  it("keeps a message refused by the rate limit at the head of the queue, waits retryAfterMs and then sends it and the rest in order", async () => {
    const { engine, server, clock } = session();
    await engine.resync();
    let refusals = 1;
    server.options.refuse = (input) => (input.body === "二" && refusals-- > 0 ? { code: "CHAT_RATE_LIMITED", message: "发送太快了，稍等一下会自动发出。", retryAfterMs: 400 } : null);
    engine.send("一");
    engine.send("二");
    engine.send("三");
    await settle();
    expect(bodies(server.stored)).toEqual(["一"]);
    expect(engine.snapshot.hold).toBe("rate");
    expect(bodies(engine.snapshot.sending)).toEqual(["二", "三"]);
    expect(engine.snapshot.failed).toEqual([]);

    await clock.advance(399);
    expect(bodies(server.stored)).toEqual(["一"]);
    await clock.advance(1);
    expect(bodies(server.stored)).toEqual(["一", "二", "三"]);
    expect(engine.snapshot.hold).toBeNull();
    expect(engine.snapshot.sending).toEqual([]);
  });

  it("keeps messages while offline, retries with a growing pause, and at once on reconnect, with the same ids", async () => {
    const { engine, server, clock, outbox } = session();
    await engine.resync();
    server.options.online = false;
    engine.send("还在吗");
    await settle();
    expect(engine.snapshot.hold).toBe("network");
    expect(bodies(engine.snapshot.sending)).toEqual(["还在吗"]);
    await clock.advance(1000); // first retry after 1 s
    await clock.advance(2000); // then 2 s
    expect(server.received).toEqual(["还在吗", "还在吗", "还在吗"]);

    server.options.online = true;
    await engine.resync(); // the reconnect does not wait for the 4 s pause
    expect(bodies(server.stored)).toEqual(["还在吗"]);
    expect(outbox.entries).toEqual([]);
    expect(engine.snapshot.hold).toBeNull();
    expect(clock.pendingTimers()).toBe(0);
  });

  it("shows a message refused for good as failed, never resends it, and goes on with the next", async () => {
    const { engine, server, clock } = session();
    await engine.resync();
    server.options.refuse = (input) => (input.body === "坏" ? { code: "CHAT_CLOSED", message: "这次对话已经结束了。" } : null);
    engine.send("坏");
    engine.send("好");
    await settle();
    expect(engine.snapshot.failed.map((item) => [item.entry.body, item.reason])).toEqual([["坏", "这次对话已经结束了。"]]);
    expect(bodies(server.stored)).toEqual(["好"]);
    await clock.advance(60_000);
    expect(server.received.filter((body) => body === "坏")).toHaveLength(1);
    engine.dismissFailed(engine.snapshot.failed[0]!.entry.clientMessageId);
    expect(engine.snapshot.failed).toEqual([]);
  });

  it("refuses an over-long message without a round trip, and ignores an empty one", async () => {
    const { engine, server } = session();
    await engine.resync();
    expect(engine.send("   ")).toBeNull();
    engine.send("长".repeat(2001));
    await settle();
    expect(server.received).toEqual([]);
    expect(engine.snapshot.failed[0]?.code).toBe("CHAT_MESSAGE_TOO_LONG");
  });

  it("resends an outbox kept from before a restart with the same ids, in order, after catching up", async () => {
    const server = fakeServer();
    const saved: OutboxEntry[] = [
      { conversationId, clientMessageId: "kept-message-2", body: "第二句", queuedAt: 20 },
      { conversationId, clientMessageId: "kept-message-1", body: "第一句", queuedAt: 10 },
      { conversationId: "another-conversation", clientMessageId: "other-chat-01", body: "别的对话", queuedAt: 5 },
    ];
    const { engine, outbox } = session(server, memoryOutboxStorage(saved));
    expect(bodies(engine.snapshot.sending)).toEqual(["第一句", "第二句"]);
    await engine.resync();
    await settle();
    expect(server.stored.map((message) => message.clientMessageId)).toEqual(["kept-message-1", "kept-message-2"]);
    expect(outbox.entries.map((entry) => entry.clientMessageId)).toEqual(["other-chat-01"]);
  });

  it("settles an entry whose ack was lost when its message comes back by resume, without sending it again", async () => {
    const server = fakeServer();
    server.stored.push({ conversationId, seq: 1, clientMessageId: "stored-before-crash", from: "user", body: "已经存了", createdAt: new Date(0).toISOString() });
    const { engine, outbox } = session(server, memoryOutboxStorage([{ conversationId, clientMessageId: "stored-before-crash", body: "已经存了", queuedAt: 1 }]));
    await engine.resync();
    await settle();
    expect(server.received).toEqual([]);
    expect(outbox.entries).toEqual([]);
    expect(bodies(engine.snapshot.messages)).toEqual(["已经存了"]);
    expect(engine.snapshot.sending).toEqual([]);
  });

  it("clears what waits when the conversation ends", async () => {
    const { engine, server, outbox } = session();
    await engine.resync();
    server.options.online = false;
    engine.send("来不及发");
    await settle();
    engine.discardPending();
    expect(outbox.entries).toEqual([]);
    expect(engine.snapshot.sending).toEqual([]);
    expect(engine.snapshot.hold).toBeNull();
  });
});

describe("chat session engine: receiving", () => {
  it("applies pushes once and in seq order, buffers early ones and resumes on a gap", async () => {
    const server = fakeServer();
    const { engine, applied } = session(server);
    await engine.resync();
    const message = (seq: number, body: string): UserChatMessageView => ({ conversationId, seq, clientMessageId: `staff-message-${seq}`, from: "staff", body, createdAt: new Date(0).toISOString() });
    server.stored.push(message(1, "你好"), message(2, "我在"), message(3, "慢慢说"));
    engine.receive(message(3, "慢慢说")); // early: a gap, so a resume fetches 1 and 2
    await settle();
    engine.receive(message(2, "我在")); // already applied
    engine.receive({ ...message(4, "别的对话"), conversationId: "another-conversation" });
    expect(bodies(engine.snapshot.messages)).toEqual(["你好", "我在", "慢慢说"]);
    expect(applied).toEqual(["你好", "我在", "慢慢说"]);
    expect(engine.snapshot.lastSeq).toBe(3);
  });

  it("shows our message once when its push, its late ack and a resume all bring it back", async () => {
    const server = fakeServer();
    const { engine } = session(server);
    server.onPush((message) => engine.receive(message));
    await engine.resync();
    server.options.holdSends = true;
    engine.send("你好");
    await settle();
    expect(bodies(engine.snapshot.messages)).toEqual(["你好"]); // the push came first
    expect(engine.snapshot.sending).toEqual([]);
    await engine.resync();
    server.releaseSends();
    await settle();
    expect(bodies(engine.snapshot.messages)).toEqual(["你好"]);
    expect(server.stored).toHaveLength(1);
  });

  it("resumes page by page until there is no more, and reports a failed resume until one succeeds", async () => {
    const server = fakeServer();
    for (let seq = 1; seq <= 5; seq += 1) server.stored.push({ conversationId, seq, clientMessageId: `staff-message-${seq}`, from: "staff", body: `第${seq}条`, createdAt: new Date(0).toISOString() });
    server.options.pageSize = 2;
    server.options.online = false;
    const { engine } = session(server);
    await engine.resync();
    expect(engine.snapshot.synced).toBe(false);
    expect(engine.snapshot.syncError?.code).toBe("TIMEOUT");
    server.options.online = true;
    await engine.resync();
    expect(engine.snapshot.synced).toBe(true);
    expect(engine.snapshot.syncError).toBeNull();
    expect(engine.snapshot.lastSeq).toBe(5);
  });

  it("says nothing more after stop, but still settles the outbox when a late ack arrives", async () => {
    const { engine, server, snapshots, outbox } = session();
    await engine.resync();
    server.options.holdSends = true;
    engine.send("最后一句");
    await settle();
    engine.stop();
    const seen = snapshots.length;
    server.releaseSends();
    await settle();
    expect(snapshots.length).toBe(seen);
    expect(outbox.entries).toEqual([]);
  });
});

describe("the one chat retry rule", () => {
  it("retries what got no answer, waits out the rate limit, and gives up on every other refusal", () => {
    expect(chatRetryRule({ code: "TIMEOUT" })).toEqual({ kind: "retry", reason: "network" });
    expect(chatRetryRule({ code: "INTERNAL" })).toEqual({ kind: "retry", reason: "network" });
    expect(chatRetryRule({ code: "CHAT_RATE_LIMITED", retryAfterMs: 250 })).toEqual({ kind: "wait", reason: "rate", afterMs: 250 });
    expect(chatRetryRule({ code: "RATE_LIMITED" })).toEqual({ kind: "wait", reason: "rate", afterMs: 1000 });
    for (const code of ["CHAT_CLOSED", "CHAT_MESSAGE_TOO_LONG", "FORBIDDEN", "SOMETHING_NEW"]) expect(chatRetryRule({ code })).toEqual({ kind: "final" });
  });
});
