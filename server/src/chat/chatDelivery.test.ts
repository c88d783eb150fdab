import { and, eq } from "drizzle-orm";
import { chatSystemLines } from "@xinyuan/shared";
import type { ChatMessageView, ChatReceiptNotice, ChatResumeResult, ChatRiskAlert, ChatTypingNotice, StaffChatMessageView } from "@xinyuan/shared";
import { chatMessages } from "../db/schema";
import { api, chatUser, collect, connectedStaff, counsellorOnDuty, newMessageId, startChat, waitFor, type ChatCounsellor, type ChatUser } from "../../../tests/support/chatFixtures";
import { chatSuite } from "../../../tests/support/chatSuite";
import { connectSocket, emitWithAck, type TestSocket } from "../../../tests/support/socketClient";

describe("chat delivery", () => {
  const { c, server, track } = chatSuite();
  const send = (socket: TestSocket, conversationId: string, body: string, clientMessageId = newMessageId()) => emitWithAck<ChatMessageView>(socket, "chat:send", { conversationId, clientMessageId, body });
  const storedCount = async (conversationId: string) => (await c.db.select().from(chatMessages).where(eq(chatMessages.conversationId, conversationId))).length;
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  async function pair(): Promise<{ student: ChatUser; counsellor: ChatCounsellor; conversationId: string }> {
    const counsellor = track(await counsellorOnDuty(c));
    const student = track(await chatUser(c));
    const started = await startChat(c, student);
    expect(started.outcome).toBe("assigned");
    return { student, counsellor, conversationId: started.conversation!.id };
  }

  it("acks only a stored message with its seq and delivers it to the other side", async () => {
    const { student, counsellor, conversationId } = await pair();
    const atCounsellor = collect<StaffChatMessageView>(counsellor.socket, "chat:message");
    const atStudent = collect<ChatMessageView>(student.socket, "chat:message");
    const ack = await send(student.socket, conversationId, "今天考试没考好");
    expect(ack).toMatchObject({ ok: true, data: { seq: 2, from: "user", body: "今天考试没考好" } });
    await waitFor(() => atCounsellor.some((message) => message.seq === 2), "counsellor receives");
    expect(atCounsellor.find((message) => message.seq === 2)).toMatchObject({ riskLevel: "none", staffName: null });

    const reply = await send(counsellor.socket, conversationId, "愿意说说发生了什么吗？");
    expect(reply).toMatchObject({ ok: true, data: { seq: 3, from: "staff" } });
    await waitFor(() => atStudent.some((message) => message.seq === 3), "student receives");
    expect(Object.keys(atStudent.find((message) => message.seq === 3)!).sort()).toEqual(["body", "clientMessageId", "conversationId", "createdAt", "from", "seq"]);
    const [row] = await c.db.select().from(chatMessages).where(and(eq(chatMessages.conversationId, conversationId), eq(chatMessages.seq, 2)));
    expect(row!.bodyEnc).not.toContain("考试");
  });

  it("answers a resend (lost ack) with the same seq and never stores a duplicate, even when resends race", async () => {
    const { student, conversationId } = await pair();
    const clientMessageId = newMessageId();
    const first = await send(student.socket, conversationId, "这条消息可能会重发", clientMessageId);
    const again = await send(student.socket, conversationId, "这条消息可能会重发", clientMessageId);
    expect(again).toEqual(first);
    const racing = newMessageId();
    const acks = await Promise.all(Array.from({ length: 6 }, () => send(student.socket, conversationId, "同时重发", racing)));
    const seqs = new Set(acks.map((ack) => (ack.ok ? ack.data.seq : -1)));
    expect(seqs.size).toBe(1);
    expect(await storedCount(conversationId)).toBe(3);
  });

  it("resumes everything missed while offline, in order and in pages", async () => {
    const { student, counsellor, conversationId } = await pair();
    await send(student.socket, conversationId, "我先下线一下");
    const lastSeen = 2;
    student.socket.disconnect();
    for (let index = 1; index <= 5; index += 1) {
      expect((await send(counsellor.socket, conversationId, `第${index}条`)).ok).toBe(true);
      await pause(350);
    }
    const back = track({ socket: await connectSocket(server().baseUrl, student.token) });
    const page = await emitWithAck<ChatResumeResult>(back.socket, "chat:resume", { conversationId, afterSeq: lastSeen, limit: 3 });
    expect(page.ok && page.data.messages.map((message) => message.seq)).toEqual([3, 4, 5]);
    expect(page.ok && page.data.hasMore).toBe(true);
    const rest = await emitWithAck<ChatResumeResult>(back.socket, "chat:resume", { conversationId, afterSeq: 5 });
    expect(rest.ok && rest.data.messages.map((message) => message.body)).toEqual(["第4条", "第5条"]);
    expect(rest.ok && rest.data).toMatchObject({ hasMore: false, lastSeq: 7, status: "active" });
  });

  it("relays typing to the other side only, and delivered / read receipts both ways (never backwards)", async () => {
    const { student, counsellor, conversationId } = await pair();
    const typingAtCounsellor = collect<ChatTypingNotice>(counsellor.socket, "chat:typing");
    const typingAtStudent = collect<ChatTypingNotice>(student.socket, "chat:typing");
    const receiptsAtCounsellor = collect<ChatReceiptNotice>(counsellor.socket, "chat:receipt");
    expect(await emitWithAck(student.socket, "chat:typing", { conversationId, typing: true })).toEqual({ ok: true, data: {} });
    await waitFor(() => typingAtCounsellor.length === 1, "typing relayed");
    expect(typingAtCounsellor[0]).toEqual({ conversationId, side: "user", typing: true });
    await send(counsellor.socket, conversationId, "我在");
    const delivered = await emitWithAck<ChatReceiptNotice>(student.socket, "chat:delivered", { conversationId, seq: 2 });
    expect(delivered).toEqual({ ok: true, data: { conversationId, side: "user", deliveredSeq: 2, readSeq: 0 } });
    const read = await emitWithAck<ChatReceiptNotice>(student.socket, "chat:read", { conversationId, seq: 99 });
    expect(read).toEqual({ ok: true, data: { conversationId, side: "user", deliveredSeq: 2, readSeq: 2 } });
    const backwards = await emitWithAck<ChatReceiptNotice>(student.socket, "chat:read", { conversationId, seq: 1 });
    expect(backwards.ok && backwards.data.readSeq).toBe(2);
    await waitFor(() => receiptsAtCounsellor.some((notice) => notice.side === "user" && notice.readSeq === 2), "read receipt reaches counsellor");
    const staffRead = await emitWithAck<ChatReceiptNotice>(counsellor.socket, "chat:read", { conversationId, seq: 1 });
    expect(staffRead.ok && staffRead.data).toMatchObject({ side: "staff", readSeq: 1 });
    expect(typingAtStudent).toHaveLength(0);
  });

  it("refuses more than ~3 messages a second and over-long or empty messages, storing nothing", async () => {
    const { student, conversationId } = await pair();
    const before = await storedCount(conversationId);
    const tooLong = await send(student.socket, conversationId, "长".repeat(2001));
    expect(tooLong).toMatchObject({ ok: false, error: { code: "CHAT_MESSAGE_TOO_LONG", message: expect.stringContaining("分成几条") } });
    expect(await send(student.socket, conversationId, "   ")).toMatchObject({ ok: false, error: { code: "CHAT_MESSAGE_EMPTY" } });
    const burst = [];
    for (let index = 0; index < 5; index += 1) burst.push(await send(student.socket, conversationId, `快速${index}`));
    expect(burst.filter((ack) => ack.ok)).toHaveLength(3);
    expect(burst.at(-1)).toMatchObject({ ok: false, error: { code: "CHAT_RATE_LIMITED", retryAfterMs: expect.any(Number) } });
    expect(await storedCount(conversationId)).toBe(before + 3);
  });

  it("holds a counsellor to the same limit when they write into several chats at the same instant", async () => {
    const counsellor = track(await counsellorOnDuty(c, { capacity: 4 }));
    const chats: string[] = [];
    for (let index = 0; index < 4; index += 1) {
      const student = track(await chatUser(c));
      const started = await startChat(c, student);
      expect(started.conversation!.status).toBe("active");
      chats.push(started.conversation!.id);
    }
    const acks = await Promise.all(chats.flatMap((id) => [send(counsellor.socket, id, "同时发出一"), send(counsellor.socket, id, "同时发出二")]));
    expect(acks.filter((ack) => ack.ok)).toHaveLength(3);
    expect(acks.filter((ack) => !ack.ok).every((ack) => !ack.ok && ack.error.code === "CHAT_RATE_LIMITED")).toBe(true);
  });

  it("detects risk in a student's message and alerts the counsellor and on-duty supervisors in real time", async () => {
    const supervisor = track(await counsellorOnDuty(c, { roles: ["supervisor"] }));
    const { student, counsellor, conversationId } = await pair();
    const alertsCounsellor = collect<ChatRiskAlert>(counsellor.socket, "chat:risk");
    const alertsSupervisor = collect<ChatRiskAlert>(supervisor.socket, "chat:risk");
    const messages = collect<StaffChatMessageView>(counsellor.socket, "chat:message");
    await send(student.socket, conversationId, "我不想死，但是我攒了很多安眠药");
    await waitFor(() => alertsCounsellor.length === 1 && alertsSupervisor.length === 1, "risk alerts");
    expect(alertsSupervisor[0]).toMatchObject({ conversationId, riskLevel: "imminent", categories: ["suicide"], alias: student.alias, seq: 2 });
    // Clients order by seq; pushes to a room are not promised in order, so find the message by its seq.
    await waitFor(() => messages.some((message) => message.seq === 2), "flagged message");
    expect(messages.find((message) => message.seq === 2)).toMatchObject({ riskLevel: "imminent", riskCategories: ["suicide"] });
    const studentCopy = await emitWithAck<ChatResumeResult>(student.socket, "chat:resume", { conversationId, afterSeq: 1 });
    expect(JSON.stringify(studentCopy)).not.toContain("imminent");
    // The student gets the helplines right away, once, as a line both sides see.
    expect(studentCopy.ok && studentCopy.data.messages.map((message) => [message.seq, message.body])).toEqual([
      [2, "我不想死，但是我攒了很多安眠药"],
      [3, chatSystemLines.safetyNote],
    ]);
    await send(student.socket, conversationId, "我真的不想活了");
    const later = await emitWithAck<ChatResumeResult>(student.socket, "chat:resume", { conversationId, afterSeq: 3 });
    expect(later.ok && later.data.messages.map((message) => message.body)).toEqual(["我真的不想活了"]);
  });

  it("refuses other counsellors, other students, non-counselling staff and read-only supervisors", async () => {
    const { conversationId } = await pair();
    const otherCounsellor = track(await counsellorOnDuty(c));
    const otherStudent = track(await chatUser(c));
    const editor = track(await connectedStaff(c, ["editor"]));
    const supervisor = track(await connectedStaff(c, ["supervisor"]));
    for (const outsider of [otherCounsellor, otherStudent]) {
      expect(await send(outsider.socket, conversationId, "偷看")).toMatchObject({ ok: false, error: { code: "CHAT_NOT_FOUND" } });
      expect(await emitWithAck(outsider.socket, "chat:resume", { conversationId, afterSeq: 0 })).toMatchObject({ ok: false, error: { code: "CHAT_NOT_FOUND" } });
      expect(await emitWithAck(outsider.socket, "chat:read", { conversationId, seq: 1 })).toMatchObject({ ok: false, error: { code: "CHAT_NOT_FOUND" } });
    }
    expect(await send(supervisor.socket, conversationId, "插话")).toMatchObject({ ok: false, error: { code: "CHAT_READ_ONLY" } });
    const auth = (who: { token: string }) => ({ Authorization: `Bearer ${who.token}` });
    expect((await api(c).get(`/api/v1/chats/${conversationId}`).set(auth(otherCounsellor))).status).toBe(404);
    expect((await api(c).get(`/api/v1/chats/${conversationId}/messages`).set(auth(editor))).status).toBe(403);
    expect((await api(c).get(`/api/v1/me/chats/${conversationId}`).set(auth(otherStudent))).status).toBe(404);
    expect((await api(c).get(`/api/v1/chats/${conversationId}`).set(auth(otherStudent))).status).toBe(403);
    expect((await api(c).get(`/api/v1/chats/${conversationId}`)).status).toBe(401);
    expect(await emitWithAck(otherStudent.socket, "chat:send", { conversationId: "not-a-uuid", clientMessageId: "x", body: "hi" })).toMatchObject({ ok: false, error: { code: "VALIDATION_FAILED" } });
    expect(await storedCount(conversationId)).toBe(1);
  });

  it("stores sends that arrive together as one batch: gap-free seqs, each sender's order, a resend and a refusal answered alone", async () => {
    const [one, two] = [await pair(), await pair()];
    const stranger = track(await chatUser(c));
    const earlier = newMessageId();
    const stored = await send(one.student.socket, one.conversationId, "先说一句", earlier);
    expect(stored).toMatchObject({ ok: true, data: { seq: 2 } });
    const atCounsellor = collect<StaffChatMessageView>(one.counsellor.socket, "chat:message");
    // all emitted in one turn: the server gets them together and writes them in one transaction
    const acks = await Promise.all([
      send(one.student.socket, one.conversationId, "第一句"),
      send(one.counsellor.socket, one.conversationId, "老师第一句"),
      send(one.student.socket, one.conversationId, "第二句"),
      send(two.student.socket, two.conversationId, "我不想死，但是我攒了很多安眠药"),
      send(two.counsellor.socket, two.conversationId, "我在"),
      send(one.student.socket, one.conversationId, "先说一句", earlier),
      send(stranger.socket, one.conversationId, "别人的对话"),
    ]);
    expect(acks.slice(0, 5).every((ack) => ack.ok)).toBe(true);
    expect(acks[5]).toEqual(stored);
    expect(acks[6]).toMatchObject({ ok: false });
    const rows = async (conversationId: string) => (await c.db.select().from(chatMessages).where(eq(chatMessages.conversationId, conversationId))).sort((a, b) => a.seq - b.seq);
    const first = await rows(one.conversationId);
    expect(first.map((row) => row.seq)).toEqual([1, 2, 3, 4, 5]);
    const studentSeqs = (body: string) => (acks.find((ack) => ack.ok && ack.data.body === body) as { data: ChatMessageView }).data.seq;
    expect(studentSeqs("第一句")).toBeLessThan(studentSeqs("第二句"));
    // the risky message is followed by the safety line, in the same batch
    const second = await rows(two.conversationId);
    expect(second.map((row) => row.seq)).toEqual([1, 2, 3, 4]);
    const risky = second.find((row) => row.senderType === "user")!;
    expect(risky.riskLevel).toBe("imminent");
    expect(second.find((row) => row.seq === risky.seq + 1)).toMatchObject({ senderType: "system" });
    await waitFor(() => atCounsellor.filter((message) => message.seq >= 3).length === 3, "the counsellor receives the batch");
    expect(first.some((row) => row.bodyEnc.includes("第一句"))).toBe(false);
  });
});
