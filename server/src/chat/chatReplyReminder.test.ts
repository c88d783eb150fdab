import { eq } from "drizzle-orm";
import type { ChatMessageView, UserConversationView } from "@xinyuan/shared";
import { appUsers, conversations } from "../db/schema";
import { dispatchChatQueue } from "./chatDispatcher";
import { api, chatUser, counsellorOnDuty, newMessageId, startChat, waitFor, type ChatUser } from "../../../tests/support/chatFixtures";
import { chatSuite } from "../../../tests/support/chatSuite";
import { emitWithAck, type TestSocket } from "../../../tests/support/socketClient";

describe("chat reply reminder (WeChat subscribe message)", () => {
  const { c, server, track } = chatSuite();
  const send = (socket: TestSocket, conversationId: string, body: string) => emitWithAck<ChatMessageView>(socket, "chat:send", { conversationId, clientMessageId: newMessageId(), body });
  const template = "demo-template-chat-reply";

  /** A chat user whose account is bound to a WeChat openid, as after a real wx.login. */
  async function studentWithOpenid(): Promise<ChatUser & { openid: string }> {
    const student = track(await chatUser(c));
    const openid = `o-chat-${student.id.slice(0, 8)}`;
    await c.db.update(appUsers).set({ openidHash: server().server.services.hashIdentity("wechat-openid", openid) }).where(eq(appUsers.id, student.id));
    return { ...student, openid };
  }
  const arm = (student: ChatUser, conversationId: string, code: string) =>
    api(c).post(`/api/v1/me/chats/${conversationId}/reminder`).set("Authorization", `Bearer ${student.token}`).send({ code });
  const sentTo = (openid: string) => server().wechat.sentMessages.filter((message) => message.touser === openid);
  const storedAddress = async (conversationId: string) => (await c.db.select({ value: conversations.notifyOpenidEnc }).from(conversations).where(eq(conversations.id, conversationId)))[0]!.value;

  it("reminds a student who left, once, when the next shift answers the chat they kept", async () => {
    const student = await studentWithOpenid();
    const kept = await startChat(c, student, { firstMessage: { clientMessageId: newMessageId(), body: "晚上睡不着，很难受" }, keepForNextShift: true });
    expect(kept.outcome).toBe("held_for_next_shift");
    const conversationId = kept.conversation!.id;
    expect(kept.conversation!.replyReminder).toBe(false);

    const armed = await arm(student, conversationId, server().wechat.issueCode(student.openid)).expect(200);
    expect((armed.body as UserConversationView).replyReminder).toBe(true);
    const stored = await storedAddress(conversationId);
    expect(stored).not.toBeNull();
    expect(stored).not.toContain(student.openid);

    student.socket.disconnect();
    const nextShift = track(await counsellorOnDuty(c));
    await dispatchChatQueue(server().server.services);
    await waitFor(async () => (await c.db.select().from(conversations).where(eq(conversations.id, conversationId)))[0]?.status === "active", "chat assigned");

    expect(await send(nextShift.socket, conversationId, "你好，我是值班的老师，我看到你的留言了")).toMatchObject({ ok: true });
    await waitFor(() => sentTo(student.openid).length === 1, "reminder sent");
    expect(sentTo(student.openid)[0]).toMatchObject({ template_id: template, page: expect.stringContaining(conversationId) });
    expect(JSON.stringify(sentTo(student.openid)[0]!.data)).not.toContain("睡不着");

    expect(await send(nextShift.socket, conversationId, "你现在方便聊聊吗？")).toMatchObject({ ok: true });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sentTo(student.openid)).toHaveLength(1);
    expect(await storedAddress(conversationId)).toBeNull();
  });

  it("keeps the reminder while the student is connected, and erases it when the chat ends", async () => {
    const counsellor = track(await counsellorOnDuty(c));
    const student = await studentWithOpenid();
    const started = await startChat(c, student);
    expect(started.outcome).toBe("assigned");
    const conversationId = started.conversation!.id;
    await arm(student, conversationId, server().wechat.issueCode(student.openid)).expect(200);

    expect(await send(counsellor.socket, conversationId, "我在，慢慢说")).toMatchObject({ ok: true });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sentTo(student.openid)).toHaveLength(0);
    expect(await storedAddress(conversationId)).not.toBeNull();

    await api(c).post(`/api/v1/me/chats/${conversationId}/end`).set("Authorization", `Bearer ${student.token}`).expect(200);
    expect(await storedAddress(conversationId)).toBeNull();
  });

  it("refuses another account's code, someone else's chat and an ended chat, storing nothing", async () => {
    track(await counsellorOnDuty(c));
    const student = await studentWithOpenid();
    const conversationId = (await startChat(c, student)).conversation!.id;

    const wrongAccount = await arm(student, conversationId, server().wechat.issueCode("o-someone-else")).expect(400);
    expect(wrongAccount.body.error).toMatchObject({ code: "CHAT_REMINDER_FAILED", message: expect.stringContaining("没关系") });
    expect((await arm(student, conversationId, "not-a-code").expect(400)).body.error.code).toBe("CHAT_REMINDER_FAILED");
    const other = await studentWithOpenid();
    expect((await arm(other, conversationId, server().wechat.issueCode(other.openid)).expect(404)).body.error.code).toBe("CHAT_NOT_FOUND");
    expect(await storedAddress(conversationId)).toBeNull();

    await api(c).post(`/api/v1/me/chats/${conversationId}/end`).set("Authorization", `Bearer ${student.token}`).expect(200);
    expect((await arm(student, conversationId, server().wechat.issueCode(student.openid)).expect(409)).body.error.code).toBe("CHAT_CLOSED");
    expect(await storedAddress(conversationId)).toBeNull();
  });
});
