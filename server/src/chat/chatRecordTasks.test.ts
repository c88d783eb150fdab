import { eq } from "drizzle-orm";
import type { ChatStatusNotice, StaffConversationView, UserConversationView } from "@xinyuan/shared";
import { contactCategories, conversations, staffConnections } from "../db/schema";
import { api, chatUser, collect, counsellorOnDuty, newMessageId, startChat, waitFor } from "../../../tests/support/chatFixtures";
import { chatSuite } from "../../../tests/support/chatSuite";
import { remindAndCloseIdleChats } from "./chatMaintenance";

/** Every chat that ends leaves its counsellor a record task; no rating prompt after a high-risk chat. */
describe("chat record tasks and rating", () => {
  const { c, server, track } = chatSuite();
  const auth = (who: { token: string }) => ({ Authorization: `Bearer ${who.token}` });
  const assignedList = async (who: { token: string }) => (await api(c).get("/api/v1/chats/assigned").set(auth(who)).expect(200)).body as StaffConversationView[];
  const outcome = async (riskLevel: string) => {
    const [category] = await c.db.select().from(contactCategories).limit(1);
    return { outcome: { categoryIds: [category!.id], riskLevel, durationMinutes: 20, summary: "已倾听和疏导" } };
  };

  it("a chat ended by the student, by the idle timer or by account deletion stays with its counsellor as a record task until the record is saved", async () => {
    const counsellor = track(await counsellorOnDuty(c, { capacity: 5 }));
    const byStudent = track(await chatUser(c));
    const idle = track(await chatUser(c));
    const deleting = track(await chatUser(c));
    const servedByCounsellor = track(await chatUser(c));
    const ids = {
      byStudent: (await startChat(c, byStudent)).conversation!.id,
      idle: (await startChat(c, idle)).conversation!.id,
      deleting: (await startChat(c, deleting)).conversation!.id,
      counsellor: (await startChat(c, servedByCounsellor)).conversation!.id,
    };
    await api(c).post(`/api/v1/me/chats/${ids.byStudent}/end`).set(auth(byStudent)).expect(200);
    await api(c).delete("/api/v1/me").set(auth(deleting)).expect(204);
    await api(c).post(`/api/v1/chats/${ids.counsellor}/end`).set(auth(counsellor)).send(await outcome("low")).expect(200);
    // the idle one: every other open chat is closed by now, so only it is reminded, then closed
    await c.db.update(conversations).set({ lastActivityAt: new Date(c.now().getTime() - 11 * 60_000) }).where(eq(conversations.id, ids.idle));
    expect((await remindAndCloseIdleChats(server().server.services)).reminded).toBe(1);
    server().clock.advance(21 * 60_000);
    await c.db.update(staffConnections).set({ lastSeenAt: c.now() });
    expect((await remindAndCloseIdleChats(server().server.services)).closed).toBe(1);

    const list = await assignedList(counsellor);
    const tasks = list.filter((chat) => chat.recordDue).map((chat) => chat.id);
    expect(tasks.sort()).toEqual([ids.byStudent, ids.idle, ids.deleting].sort());
    expect(list.map((chat) => chat.id)).not.toContain(ids.counsellor);
    expect(list.find((chat) => chat.id === ids.deleting)).toMatchObject({ status: "closed", closeReason: "account_deleted" });

    for (const id of tasks) await api(c).post(`/api/v1/chats/${id}/end`).set(auth(counsellor)).send(await outcome("low")).expect(200);
    expect(await assignedList(counsellor)).toEqual([]);
  });

  it("offers no rating after a high-risk chat, and tells the student's screen so", async () => {
    track(await counsellorOnDuty(c));
    const student = track(await chatUser(c));
    const statuses = collect<ChatStatusNotice>(student.socket, "chat:status");
    const started = await startChat(c, student, { firstMessage: { clientMessageId: newMessageId(), body: "我不想活了" } });
    const id = started.conversation!.id;
    await api(c).post(`/api/v1/me/chats/${id}/end`).set(auth(student)).expect(200);
    await waitFor(() => statuses.some((notice) => notice.status === "closed"), "closed notice");
    expect(statuses.find((notice) => notice.status === "closed")).toMatchObject({ canRate: false });
    const mine = (await api(c).get(`/api/v1/me/chats/${id}`).set(auth(student)).expect(200)).body as UserConversationView;
    expect(mine.canRate).toBe(false);
    const refused = await api(c).post(`/api/v1/me/chats/${id}/rating`).set(auth(student)).send({ score: 3 });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("CHAT_RATING_NOT_OFFERED");

    const calm = track(await chatUser(c));
    const calmStatuses = collect<ChatStatusNotice>(calm.socket, "chat:status");
    const calmId = (await startChat(c, calm, { firstMessage: { clientMessageId: newMessageId(), body: "最近考试有点紧张" } })).conversation!.id;
    await api(c).post(`/api/v1/me/chats/${calmId}/end`).set(auth(calm)).expect(200);
    await waitFor(() => calmStatuses.some((notice) => notice.status === "closed"), "closed notice");
    expect(calmStatuses.find((notice) => notice.status === "closed")).toMatchObject({ canRate: true });
    await api(c).post(`/api/v1/me/chats/${calmId}/rating`).set(auth(calm)).send({ score: 5 }).expect(200);
  });
});
