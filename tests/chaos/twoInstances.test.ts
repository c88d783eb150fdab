import supertest from "supertest";
import type { ChatMessageView, ChatReceiptNotice, StartChatResult } from "@xinyuan/shared";
import { openTestDatabase } from "../support/testDatabase";
import { startServerProcess, type ServerProcess } from "../support/serverProcess";
import { chatUser, counsellorOnDuty, collect, newMessageId, waitFor, type ChatTestServer } from "../support/chatFixtures";
import { connectSocket, emitWithAck, type TestSocket } from "../support/socketClient";

describe("chat across two server processes", () => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  let one: ServerProcess;
  let two: ServerProcess;
  const sockets: TestSocket[] = [];
  beforeAll(async () => {
    database = await openTestDatabase();
    [one, two] = await Promise.all([startServerProcess({ databaseUrl: database.url! }), startServerProcess({ databaseUrl: database.url! })]);
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await Promise.all([one?.stop(), two?.stop()]);
    await database?.close();
  });

  it("a student on instance 1 and a counsellor on instance 2 chat normally, with receipts", async () => {
    const onOne: ChatTestServer = { baseUrl: one.url, db: database.db, now: () => new Date() };
    const onTwo: ChatTestServer = { baseUrl: two.url, db: database.db, now: () => new Date() };
    const counsellor = await counsellorOnDuty(onTwo);
    const student = await chatUser(onOne);
    sockets.push(counsellor.socket, student.socket);
    const atCounsellor = collect<ChatMessageView>(counsellor.socket, "chat:message");
    const assigned = collect<{ conversationId: string }>(counsellor.socket, "chat:assigned");
    const atStudent = collect<ChatMessageView>(student.socket, "chat:message");
    const receipts = collect<ChatReceiptNotice>(student.socket, "chat:receipt");

    const start = await supertest(one.url).post("/api/v1/me/chats").set("Authorization", `Bearer ${student.token}`).send({ firstMessage: { clientMessageId: newMessageId(), body: "你好，我在一号服务器" } });
    const started = start.body as StartChatResult;
    expect(started.outcome).toBe("assigned");
    const conversationId = started.conversation!.id;
    await waitFor(() => assigned.some((notice) => notice.conversationId === conversationId), "assignment notice crosses to instance 2");
    const history = await emitWithAck<{ messages: ChatMessageView[] }>(counsellor.socket, "chat:resume", { conversationId, afterSeq: 0 });
    expect(history.ok && history.data.messages.map((message) => message.body)[0]).toBe("你好，我在一号服务器");

    const reply = await emitWithAck<ChatMessageView>(counsellor.socket, "chat:send", { conversationId, clientMessageId: newMessageId(), body: "你好，我在二号服务器" });
    expect(reply.ok).toBe(true);
    await waitFor(() => atStudent.some((message) => message.body === "你好，我在二号服务器"), "reply crosses to instance 1");
    const studentLine = await emitWithAck<ChatMessageView>(student.socket, "chat:send", { conversationId, clientMessageId: newMessageId(), body: "收到了" });
    expect(studentLine.ok && studentLine.data.seq).toBe(4);
    await waitFor(() => atCounsellor.some((message) => message.seq === 4), "second message crosses");
    await emitWithAck(counsellor.socket, "chat:read", { conversationId, seq: 4 });
    await waitFor(() => receipts.some((notice) => notice.side === "staff" && notice.readSeq === 4), "read receipt crosses");

    const moved: TestSocket = await connectSocket(two.url, student.token);
    sockets.push(moved);
    const resumed = await emitWithAck<{ messages: ChatMessageView[] }>(moved, "chat:resume", { conversationId, afterSeq: 0 });
    expect(resumed.ok && resumed.data.messages.map((message) => message.seq)).toEqual([1, 2, 3, 4]);
  });
});
