import { randomBytes } from "node:crypto";
import { createClient } from "redis";
import type { ChatMessageView, StartChatResult } from "@xinyuan/shared";
import { openTestDatabase } from "../support/testDatabase";
import { startServerProcess, type ServerProcess } from "../support/serverProcess";
import { api, chatUser, collect, counsellorOnDuty, newMessageId, waitFor, type ChatTestServer } from "../support/chatFixtures";
import { emitWithAck, type TestSocket } from "../support/socketClient";

/**
 * The Redis adapter (REDIS_URL; scripts/test.mjs runs the chaos suites a second time with it): whoever can
 * read the Redis stream sees envelopes only, never the message text, and a forged entry is not delivered.
 * Without REDIS_URL the PostgreSQL twin (crossProcessSealed.test.ts) runs instead.
 */
const redisUrl = process.env.REDIS_URL;
(redisUrl ? describe : describe.skip)("cross-process traffic over Redis is sealed", () => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  let one: ServerProcess;
  let two: ServerProcess;
  const sockets: TestSocket[] = [];
  const reader = createClient({ url: redisUrl });
  beforeAll(async () => {
    await reader.connect();
    database = await openTestDatabase();
    [one, two] = await Promise.all([startServerProcess({ databaseUrl: database.url! }), startServerProcess({ databaseUrl: database.url! })]);
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await Promise.all([one?.stop(), two?.stop()]);
    await reader.quit();
    await database?.close();
  });

  it("a chat relayed between two processes reaches the other side but never appears in clear in the stream", async () => {
    const onOne: ChatTestServer = { baseUrl: one.url, db: database.db, now: () => new Date() };
    const onTwo: ChatTestServer = { ...onOne, baseUrl: two.url };
    const counsellor = await counsellorOnDuty(onTwo);
    const student = await chatUser(onOne);
    sockets.push(counsellor.socket, student.socket);
    const atStudent = collect<ChatMessageView>(student.socket, "chat:message");
    const secret = `秘密-${randomBytes(6).toString("hex")}`;
    const since = `${Date.now() - 1000}-0`;
    const start = await api(onOne).post("/api/v1/me/chats").set("Authorization", `Bearer ${student.token}`).send({ firstMessage: { clientMessageId: newMessageId(), body: `我的${secret}开头` } });
    const conversationId = (start.body as StartChatResult).conversation!.id;
    const reply = await emitWithAck<ChatMessageView>(counsellor.socket, "chat:send", { conversationId, clientMessageId: newMessageId(), body: `回复${secret}` });
    expect(reply.ok).toBe(true);
    await waitFor(() => atStudent.some((message) => message.body === `回复${secret}`), "reply crosses to instance 1 over Redis");
    const entries = await reader.xRange("xinyuan-socket.io", since, "+");
    expect(entries.length).toBeGreaterThan(0);
    const text = JSON.stringify(entries);
    expect(text).toContain("sealed");
    expect(text).not.toContain(secret.slice(3));
    expect(text).not.toContain(student.alias);
  });

  it("an entry forged by anyone who can write to Redis is not delivered", async () => {
    const student = await chatUser({ baseUrl: one.url, db: database.db, now: () => new Date() });
    sockets.push(student.socket);
    const seen = collect<{ body: string }>(student.socket, "chat:message");
    const data = { packet: { type: 2, data: ["chat:message", { body: "伪造的消息" }], nsp: "/" }, opts: { rooms: [`user-${student.id}`], except: [], flags: {} } };
    await reader.xAdd("xinyuan-socket.io", "*", { uid: "forger", nsp: "/", type: "3", data: JSON.stringify(data) });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(seen).toEqual([]);
  });
});
