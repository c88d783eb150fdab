import { eq } from "drizzle-orm";
import { conversations } from "../db/schema";
import { startTestServer, type TestServer } from "../../../tests/support/testServer";
import { chatSystemLines, type ChatAssignmentNotice, type ChatMessageView } from "@xinyuan/shared";
import { api, chatTestEnvironment, chatUser, collect, counsellorOnDuty, newMessageId, startChat, waitFor, type ChatTestServer } from "../../../tests/support/chatFixtures";
import { emitWithAck } from "../../../tests/support/socketClient";

describe("chat in the user's data export and account deletion", () => {
  let server: TestServer;
  let t: ChatTestServer;
  beforeAll(async () => {
    server = await startTestServer({ seed: false, environment: chatTestEnvironment });
    t = { baseUrl: server.baseUrl, db: server.server.services.db, now: () => server.server.services.clock.now() };
  });
  afterAll(() => server.close());

  it("exports both sides of the user's chats, then deleting the account closes the open chat and erases the link", async () => {
    const counsellor = await counsellorOnDuty(t);
    const user = await chatUser(t);
    const started = await startChat(t, user, { firstMessage: { clientMessageId: newMessageId(), body: "最近考试压力好大" } });
    expect(started.outcome).toBe("assigned");
    const conversationId = started.conversation!.id;
    const reply = await emitWithAck(counsellor.socket, "chat:send", { conversationId, clientMessageId: newMessageId(), body: "我在，慢慢说" });
    expect(reply.ok).toBe(true);

    const exported = await api(t).get("/api/v1/me/export").set("Authorization", `Bearer ${user.token}`).expect(200);
    const chats = exported.body.sections.chats as Array<{ messages: Array<{ from: string; text: string }> }>;
    expect(chats).toHaveLength(1);
    expect(chats[0]!.messages.filter((message) => message.from !== "system").map((message) => [message.from, message.text])).toEqual([
      ["me", "最近考试压力好大"],
      ["counsellor", "我在，慢慢说"],
    ]);
    const readable = exported.body.readable as string;
    expect(readable).toMatch(/【聊天记录（在线咨询）】\n第 1 次咨询：\d{4}-\d\d-\d\d \d\d:\d\d 开始，咨询中/);
    expect(readable).toMatch(/\n {2}\d{4}-\d\d-\d\d \d\d:\d\d {2}我：最近考试压力好大\n/);
    expect(readable).toMatch(/\n {2}\d{4}-\d\d-\d\d \d\d:\d\d {2}老师：我在，慢慢说/);
    expect(readable).not.toContain(conversationId);

    const unassigned = collect<ChatAssignmentNotice>(counsellor.socket, "chat:unassigned");
    const lines = collect<ChatMessageView>(counsellor.socket, "chat:message");
    await api(t).delete("/api/v1/me").set("Authorization", `Bearer ${user.token}`).expect(204);
    const [row] = await t.db.select().from(conversations).where(eq(conversations.id, conversationId));
    expect(row).toMatchObject({ status: "closed", closeReason: "account_deleted" });
    // The counsellor is told at once (not only when their next message fails), and sees why in the stream.
    await waitFor(() => unassigned.some((notice) => notice.conversationId === conversationId && notice.reason === "closed"), "counsellor told");
    await waitFor(() => lines.some((line) => line.from === "system" && line.body === chatSystemLines.closedByUser), "closing line");
    user.socket.disconnect();
    counsellor.socket.disconnect();
  });
});
