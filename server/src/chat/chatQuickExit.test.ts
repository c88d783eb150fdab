import { eq } from "drizzle-orm";
import { chatSystemLines, type ChatMessageView, type UserConversationView } from "@xinyuan/shared";
import { chatMessages, conversations } from "../db/schema";
import { api, chatUser, collect, counsellorOnDuty, newMessageId, startChat, waitFor } from "../../../tests/support/chatFixtures";
import { chatSuite } from "../../../tests/support/chatSuite";
import { emitWithAck } from "../../../tests/support/socketClient";

describe("chat: 快速离开 tells the counsellor", () => {
  const { c, track } = chatSuite();
  const auth = (who: { token: string }) => ({ Authorization: `Bearer ${who.token}` });
  const lines = async (conversationId: string) => (await c.db.select().from(chatMessages).where(eq(chatMessages.conversationId, conversationId))).filter((row) => row.senderType === "system");
  const quickExit = (conversationId: string, who: { token: string }) => api(c).post(`/api/v1/me/chats/${conversationId}/quick-exit`).set(auth(who));

  it("puts one calm notice in the open chat, once until something else is said, and keeps the chat open", async () => {
    const counsellor = track(await counsellorOnDuty(c));
    const student = track(await chatUser(c));
    const { conversation } = await startChat(c, student, { firstMessage: { clientMessageId: newMessageId(), body: "我想说说最近的事" } });
    const counsellorSees = collect<ChatMessageView>(counsellor.socket, "chat:message");

    const answered = await quickExit(conversation!.id, student).expect(200);
    expect((answered.body as UserConversationView).status).not.toBe("closed");
    await waitFor(() => counsellorSees.some((message) => message.body === chatSystemLines.leftQuickly), "the notice reaches the counsellor");
    expect(counsellorSees.find((message) => message.body === chatSystemLines.leftQuickly)).toMatchObject({ from: "system" });
    expect(chatSystemLines.leftQuickly).not.toMatch(/危险|紧急|报警|110|120/);

    // a second tap (or a resend) adds nothing while the notice is still the last line
    const count = async () => {
      const rows = await c.db.select().from(chatMessages).where(eq(chatMessages.conversationId, conversation!.id));
      return rows.length;
    };
    const before = await count();
    await quickExit(conversation!.id, student).expect(200);
    expect(await count()).toBe(before);

    // back in the chat and leaving again later: told again
    const sent = await emitWithAck(student.socket, "chat:send", { conversationId: conversation!.id, clientMessageId: newMessageId(), body: "我回来了" });
    expect(sent.ok).toBe(true);
    await quickExit(conversation!.id, student).expect(200);
    await waitFor(() => counsellorSees.filter((message) => message.body === chatSystemLines.leftQuickly).length === 2, "the second notice");
    const [row] = await c.db.select().from(conversations).where(eq(conversations.id, conversation!.id));
    expect(row!.status).toBe("active");
  });

  it("answers 404 for someone else's chat and writes nothing into a closed chat", async () => {
    track(await counsellorOnDuty(c));
    const student = track(await chatUser(c));
    const stranger = track(await chatUser(c));
    const { conversation } = await startChat(c, student, { firstMessage: { clientMessageId: newMessageId(), body: "你好" } });
    const linesBefore = (await lines(conversation!.id)).length;
    const refused = await quickExit(conversation!.id, stranger);
    expect([refused.status, refused.body.error.code]).toEqual([404, "CHAT_NOT_FOUND"]);
    const [stillOpen] = await c.db.select().from(conversations).where(eq(conversations.id, conversation!.id));
    expect(stillOpen!.status).not.toBe("closed");
    expect(await lines(conversation!.id)).toHaveLength(linesBefore);
    await api(c).post(`/api/v1/me/chats/${conversation!.id}/end`).set(auth(student)).expect(200);
    const closedCount = (await lines(conversation!.id)).length;
    await quickExit(conversation!.id, student).expect(200);
    expect(await lines(conversation!.id)).toHaveLength(closedCount);
    expect((await lines(conversation!.id)).length).toBeGreaterThan(0);
  });
});
