import { eq } from "drizzle-orm";
import type { ChatAssignmentNotice, ChatMessageView, ChatResumeResult, ChatStatusNotice, ChatTransferView, StaffConversationView, UserConversationView } from "@xinyuan/shared";
import { chatSystemLines } from "@xinyuan/shared";
import { auditEvents, contactCategories, contactRecords, conversations } from "../db/schema";
import { api, chatUser, collect, connectedStaff, counsellorOnDuty, newMessageId, startChat, waitFor } from "../../../tests/support/chatFixtures";
import { chatSuite } from "../../../tests/support/chatSuite";
import { emitWithAck } from "../../../tests/support/socketClient";
import { sessionTokenFor } from "../../../tests/support/sessions";
import { remindAndCloseIdleChats, returnAbsentCounsellorChats } from "./chatMaintenance";

describe("chat lifecycle", () => {
  const { c, server, track } = chatSuite({ CHAT_IDLE_REMINDER_MINUTES: "10", CHAT_IDLE_CLOSE_MINUTES: "20", CHAT_COUNSELLOR_GRACE_SECONDS: "60" });
  const auth = (who: { token: string }) => ({ Authorization: `Bearer ${who.token}` });
  const row = async (id: string) => (await c.db.select().from(conversations).where(eq(conversations.id, id)))[0]!;
  const bodies = (messages: ChatMessageView[]) => messages.map((message) => message.body);

  it("transfers to a colleague with a staff-only note; the student reads only that another counsellor continues", async () => {
    const first = track(await counsellorOnDuty(c, { capacity: 1 }));
    const student = track(await chatUser(c));
    const { conversation } = await startChat(c, student);
    const colleague = track(await counsellorOnDuty(c, { capacity: 1 }));
    const colleagueAssigned = collect<ChatAssignmentNotice>(colleague.socket, "chat:assigned");
    const firstUnassigned = collect<ChatAssignmentNotice>(first.socket, "chat:unassigned");
    const studentMessages = collect<ChatMessageView>(student.socket, "chat:message");
    const note = "学生提到家里的情况，需要更有经验的老师跟进";
    const transferred = await api(c).post(`/api/v1/chats/${conversation!.id}/transfer`).set(auth(first)).send({ toStaffId: colleague.staff.id, note }).expect(200);
    expect((transferred.body as StaffConversationView).assignedStaffId).toBe(colleague.staff.id);
    await waitFor(() => colleagueAssigned.length === 1 && firstUnassigned.length === 1 && studentMessages.length === 1, "hand-over notices");
    expect(colleagueAssigned[0]!.reason).toBe("transfer");
    expect(bodies(studentMessages)).toEqual([chatSystemLines.transferred]);
    expect(JSON.stringify(studentMessages)).not.toContain("家里");
    const transfers = (await api(c).get(`/api/v1/chats/${conversation!.id}/transfers`).set(auth(colleague)).expect(200)).body as ChatTransferView[];
    expect(transfers).toMatchObject([{ kind: "transfer", note, toCentre: false }]);
    expect((await api(c).get(`/api/v1/chats/${conversation!.id}`).set(auth(first))).status).toBe(404);
    const offDuty = track(await connectedStaff(c, ["counsellor"]));
    const unavailable = await api(c).post(`/api/v1/chats/${conversation!.id}/transfer`).set(auth(colleague)).send({ toStaffId: offDuty.staff.id, note: "转给不在岗的老师" });
    expect([unavailable.status, unavailable.body.error.code]).toEqual([409, "CHAT_TRANSFER_TARGET_UNAVAILABLE"]);
  });

  it("transfers to the county centre: back in the queue ahead of new chats, only for county-level counsellors", async () => {
    const school = track(await counsellorOnDuty(c, { capacity: 1, scope: "school" }));
    const student = track(await chatUser(c));
    const { conversation } = await startChat(c, student);
    expect((await row(conversation!.id)).assignedStaffId).toBe(school.staff.id);
    await api(c).post(`/api/v1/chats/${conversation!.id}/transfer`).set(auth(school)).send({ toCentre: true, note: "需要县中心评估" }).expect(200);
    const newcomer = track(await chatUser(c));
    await startChat(c, newcomer);
    const queue = (await api(c).get("/api/v1/chats/queue").set(auth(school)).expect(200)).body as Array<{ conversationId: string; queueTarget: string }>;
    expect(queue[0]).toMatchObject({ conversationId: conversation!.id, queueTarget: "county_centre" });
    const refused = await api(c).post(`/api/v1/chats/${conversation!.id}/accept`).set(auth(school));
    expect(refused.body.error.code).toBe("CHAT_CENTRE_ONLY");
    const centre = track(await counsellorOnDuty(c, { capacity: 1, scope: "county" }));
    const { dispatchChatQueue } = await import("./chatDispatcher");
    await dispatchChatQueue(server().server.services);
    expect((await row(conversation!.id)).assignedStaffId).toBe(centre.staff.id);
  });

  it("lets a supervisor follow a live chat read-only (audited) and take it over", async () => {
    const counsellor = track(await counsellorOnDuty(c));
    const student = track(await chatUser(c));
    const { conversation } = await startChat(c, student, { firstMessage: { clientMessageId: newMessageId(), body: "最近和同学闹矛盾" } });
    const supervisor = track(await connectedStaff(c, ["supervisor"]));
    const watched = await emitWithAck<ChatResumeResult>(supervisor.socket, "chat:watch", { conversationId: conversation!.id });
    expect(watched.ok && bodies(watched.data.messages)).toEqual(["最近和同学闹矛盾", chatSystemLines.counsellorFound]);
    const live = collect<ChatMessageView>(supervisor.socket, "chat:message");
    await emitWithAck(counsellor.socket, "chat:send", { conversationId: conversation!.id, clientMessageId: newMessageId(), body: "我在听" });
    await waitFor(() => live.length === 1, "supervisor sees live message");
    const live2 = (await api(c).get("/api/v1/chats/live").set(auth(supervisor)).expect(200)).body as StaffConversationView[];
    expect(live2.map((entry) => entry.id)).toContain(conversation!.id);
    await api(c).get(`/api/v1/chats/${conversation!.id}/messages`).set(auth(supervisor)).expect(200);
    const audits = await c.db.select().from(auditEvents).where(eq(auditEvents.targetId, conversation!.id));
    expect(audits.map((audit) => audit.action)).toEqual(expect.arrayContaining(["chat.supervise.watch", "chat.supervise.read"]));
    // Reading over the socket (a resume) is audited too, not only the HTTP read and the watch.
    const readsBefore = audits.filter((audit) => audit.action === "chat.supervise.read" && audit.actorId === supervisor.staff.id).length;
    expect(await emitWithAck(supervisor.socket, "chat:resume", { conversationId: conversation!.id, afterSeq: 0 })).toMatchObject({ ok: true });
    const readsAfter = (await c.db.select().from(auditEvents).where(eq(auditEvents.targetId, conversation!.id))).filter((audit) => audit.action === "chat.supervise.read" && audit.actorId === supervisor.staff.id);
    expect(readsAfter).toHaveLength(readsBefore + 1);

    const counsellorLost = collect<ChatAssignmentNotice>(counsellor.socket, "chat:unassigned");
    await api(c).post(`/api/v1/chats/${conversation!.id}/take-over`).set(auth(supervisor)).expect(200);
    await waitFor(() => counsellorLost.length === 1, "counsellor told");
    expect(counsellorLost[0]!.reason).toBe("takeover");
    expect(await emitWithAck(supervisor.socket, "chat:send", { conversationId: conversation!.id, clientMessageId: newMessageId(), body: "我是另一位老师" })).toMatchObject({ ok: true });
    expect(await emitWithAck(counsellor.socket, "chat:send", { conversationId: conversation!.id, clientMessageId: newMessageId(), body: "还在吗" })).toMatchObject({ ok: false, error: { code: "CHAT_NOT_FOUND" } });
    expect((await c.db.select().from(auditEvents).where(eq(auditEvents.action, "chat.supervise.takeover"))).length).toBe(1);
    const counsellorTaken = await api(c).post(`/api/v1/chats/${conversation!.id}/take-over`).set(auth(counsellor));
    expect(counsellorTaken.status).toBe(403);
  });

  it("keeps chat supervision county-wide duty: an area supervisor cannot list, follow, read or take over others' chats", async () => {
    track(await counsellorOnDuty(c));
    const student = track(await chatUser(c));
    const { conversation } = await startChat(c, student, { firstMessage: { clientMessageId: newMessageId(), body: "想找人聊聊" } });
    const areaSupervisor = track(await connectedStaff(c, ["supervisor", "counsellor"], "area"));
    expect((await api(c).get("/api/v1/chats/live").set(auth(areaSupervisor))).status).toBe(403);
    expect(await emitWithAck(areaSupervisor.socket, "chat:watch", { conversationId: conversation!.id })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect((await api(c).get(`/api/v1/chats/${conversation!.id}/messages`).set(auth(areaSupervisor))).status).toBe(404);
    expect((await api(c).post(`/api/v1/chats/${conversation!.id}/take-over`).set(auth(areaSupervisor))).status).toBe(403);
    expect(await emitWithAck(areaSupervisor.socket, "chat:resume", { conversationId: conversation!.id, afterSeq: 0 })).toMatchObject({ ok: false, error: { code: "CHAT_NOT_FOUND" } });
  });

  it("ends with an outcome record, lets the student rate once, and shows earlier chats of the alias (audited)", async () => {
    const counsellor = track(await counsellorOnDuty(c));
    const student = track(await chatUser(c));
    const earlier = await startChat(c, student, { firstMessage: { clientMessageId: newMessageId(), body: "上次想聊学习" } });
    await api(c).post(`/api/v1/me/chats/${earlier.conversation!.id}/end`).set(auth(student)).expect(200);
    const early = await api(c).post(`/api/v1/me/chats/${earlier.conversation!.id}/rating`).set(auth(student)).send({ score: 6 });
    expect(early.status).toBe(400);
    const { conversation } = await startChat(c, student);
    const history = (await api(c).get(`/api/v1/chats/${conversation!.id}/earlier`).set(auth(counsellor)).expect(200)).body as StaffConversationView[];
    expect(history.map((entry) => [entry.id, entry.alias])).toEqual([[earlier.conversation!.id, student.alias]]);
    const old = (await api(c).get(`/api/v1/chats/${conversation!.id}/earlier/${earlier.conversation!.id}/messages`).set(auth(counsellor)).expect(200)).body as ChatResumeResult;
    expect(old.messages[0]!.body).toBe("上次想聊学习");
    expect((await c.db.select().from(auditEvents).where(eq(auditEvents.action, "chat.history.read"))).length).toBe(1);
    expect(JSON.stringify(history)).not.toContain(student.id);

    const notRated = await api(c).post(`/api/v1/me/chats/${conversation!.id}/rating`).set(auth(student)).send({ score: 5 });
    expect(notRated.body.error.code).toBe("CHAT_NOT_CLOSED");
    const [category] = await c.db.select().from(contactCategories).limit(1);
    const statuses = collect<ChatStatusNotice>(student.socket, "chat:status");
    await api(c)
      .post(`/api/v1/chats/${conversation!.id}/end`)
      .set(auth(counsellor))
      .send({ outcome: { categoryIds: [category!.id], riskLevel: "low", durationMinutes: 25, summary: "学习压力，已疏导" } })
      .expect(200);
    await waitFor(() => statuses.some((notice) => notice.status === "closed"), "student told it ended");
    const [record] = await c.db.select().from(contactRecords).where(eq(contactRecords.sourceId, conversation!.id));
    expect(record).toMatchObject({ channel: "online", staffId: counsellor.staff.id, riskLevel: "low" });
    const rated = await api(c).post(`/api/v1/me/chats/${conversation!.id}/rating`).set(auth(student)).send({ score: 5, comment: "谢谢老师" }).expect(200);
    expect(rated.body as UserConversationView).toMatchObject({ rating: { score: 5, comment: "谢谢老师" }, canRate: false });
    const twice = await api(c).post(`/api/v1/me/chats/${conversation!.id}/rating`).set(auth(student)).send({ score: 1 });
    expect(twice.body.error.code).toBe("CHAT_ALREADY_RATED");
    const mine = (await api(c).get("/api/v1/me/chats").set(auth(student)).expect(200)).body as UserConversationView[];
    expect(mine.map((entry) => entry.alias)).toEqual([student.alias, student.alias]);

    // Once their chat is closed, the counsellor's door into the student's history closes with it: no
    // reading a later chat with a colleague through the old one.
    await c.now(); // (same server clock)
    const later = await startChat(c, student, { firstMessage: { clientMessageId: newMessageId(), body: "我又来了" } });
    const throughOld = await api(c).get(`/api/v1/chats/${conversation!.id}/earlier/${later.conversation!.id}/messages`).set(auth(counsellor));
    expect(throughOld.status).toBe(404);
    expect((await api(c).get(`/api/v1/chats/${conversation!.id}/earlier`).set(auth(counsellor))).status).toBe(404);
  });

  it("keeps private notes and canned replies (own and county-wide) for staff only", async () => {
    const counsellor = track(await counsellorOnDuty(c));
    const student = track(await chatUser(c));
    const { conversation } = await startChat(c, student);
    const notes = await api(c).post(`/api/v1/chats/${conversation!.id}/notes`).set(auth(counsellor)).send({ body: "注意情绪变化" }).expect(201);
    expect(notes.body).toMatchObject([{ body: "注意情绪变化" }]);
    const resumed = await emitWithAck<ChatResumeResult>(student.socket, "chat:resume", { conversationId: conversation!.id, afterSeq: 0 });
    expect(JSON.stringify(resumed)).not.toContain("注意情绪变化");
    await api(c).post("/api/v1/chat-replies").set(auth(counsellor)).send({ title: "开场", body: "你好，我是今天值班的老师。" }).expect(201);
    expect((await api(c).post("/api/v1/chat-replies").set(auth(counsellor)).send({ title: "全县", body: "全县通用", countyWide: true })).status).toBe(403);
    const supervisor = track(await connectedStaff(c, ["supervisor"]));
    const county = await api(c).post("/api/v1/chat-replies").set(auth(supervisor)).send({ title: "热线", body: "也可以拨打 12356。", countyWide: true }).expect(201);
    const listed = await api(c).get("/api/v1/chat-replies").set(auth(counsellor)).expect(200);
    expect(listed.body.map((reply: { scope: string; editable: boolean }) => [reply.scope, reply.editable]).sort()).toEqual([["county", false], ["mine", true]]);
    expect((await api(c).delete(`/api/v1/chat-replies/${county.body.id}`).set(auth(counsellor))).status).toBe(403);
  });

  it("a counsellor who disconnects gets a grace period, then the chat returns to the queue ahead of new chats", async () => {
    const counsellor = track(await counsellorOnDuty(c, { capacity: 1 }));
    const student = track(await chatUser(c));
    const { conversation } = await startChat(c, student);
    const statuses = collect<ChatStatusNotice>(student.socket, "chat:status");
    counsellor.socket.disconnect();
    await waitFor(async () => (await returnAbsentCounsellorChats(server().server.services), (await row(conversation!.id)).staffAbsentSince !== null), "absence noticed");
    const newcomer = track(await chatUser(c));
    const newStart = await startChat(c, newcomer, { keepForNextShift: true });
    expect(newStart.outcome).toBe("held_for_next_shift");
    server().clock.advance(30_000);
    expect(await returnAbsentCounsellorChats(server().server.services)).toBe(0);
    server().clock.advance(31_000);
    expect(await returnAbsentCounsellorChats(server().server.services)).toBe(1);
    expect(await row(conversation!.id)).toMatchObject({ status: "waiting", assignedStaffId: null, returnedToQueue: true });
    await waitFor(() => statuses.some((notice) => notice.status === "waiting" && notice.queuePosition === 1), "student told they are first in line");
    const token = await sessionTokenFor(c.db, { type: "staff", id: counsellor.staff.id }, server().clock.now());
    const queue = (await api(c).get("/api/v1/chats/queue").set({ Authorization: `Bearer ${token}` }).expect(200)).body as Array<{ conversationId: string }>;
    expect(queue.map((entry) => entry.conversationId)).toEqual([conversation!.id, newStart.conversation!.id]);
  });

  it("reminds an idle chat, then closes it after the configured time", async () => {
    track(await counsellorOnDuty(c));
    const student = track(await chatUser(c));
    const { conversation } = await startChat(c, student);
    const seen = collect<ChatMessageView>(student.socket, "chat:message");
    server().clock.advance(9 * 60_000);
    expect(await remindAndCloseIdleChats(server().server.services)).toEqual({ reminded: 0, closed: 0 });
    server().clock.advance(2 * 60_000);
    expect(await remindAndCloseIdleChats(server().server.services)).toEqual({ reminded: 1, closed: 0 });
    expect(await remindAndCloseIdleChats(server().server.services)).toEqual({ reminded: 0, closed: 0 });
    server().clock.advance(10 * 60_000);
    expect(await remindAndCloseIdleChats(server().server.services)).toEqual({ reminded: 0, closed: 1 });
    await waitFor(() => seen.length === 2, "reminder and closing line");
    expect(bodies(seen)).toEqual([chatSystemLines.idleReminder, chatSystemLines.closedIdle]);
    expect(await row(conversation!.id)).toMatchObject({ status: "closed", closeReason: "idle", closedBy: "system" });
  });
});
