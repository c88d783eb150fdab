import { eq } from "drizzle-orm";
import type { ChatAssignmentNotice, ChatQueueEntryView, ChatStatusNotice, StaffConversationView } from "@xinyuan/shared";
import { conversations } from "../db/schema";
import { api, chatUser, collect, connectedStaff, counsellorOnDuty, newMessageId, startChat, waitFor } from "../../../tests/support/chatFixtures";
import { chatSuite } from "../../../tests/support/chatSuite";

import { dispatchChatQueue } from "./chatDispatcher";
import { chatStarter } from "./chatStarter";
import { userChatEnder } from "./chatCloser";

describe("chat routing", () => {
  const { c, server, track } = chatSuite();
  const assignedTo = async (id: string) => (await c.db.select().from(conversations).where(eq(conversations.id, id)))[0]!;

  it("gives a new chat to the least-busy available counsellor and tells both sides", async () => {
    const busy = track(await counsellorOnDuty(c, { capacity: 3 }));
    const free = track(await counsellorOnDuty(c, { capacity: 3 }));
    const first = track(await chatUser(c));
    const firstStart = await startChat(c, first);
    const firstOwner = (await assignedTo(firstStart.conversation!.id)).assignedStaffId;
    const other = firstOwner === busy.staff.id ? free : busy;
    const assigned = collect<ChatAssignmentNotice>(other.socket, "chat:assigned");

    const second = track(await chatUser(c));
    const result = await startChat(c, second, { firstMessage: { clientMessageId: newMessageId(), body: "老师你好，我最近睡不着" } });
    expect(result.outcome).toBe("assigned");
    expect(result.conversation).toMatchObject({ status: "active", withCounsellor: false, counsellorComing: true, queuePosition: null });
    expect(result.firstMessage).toMatchObject({ seq: 1, from: "user", body: "老师你好，我最近睡不着" });
    expect((await assignedTo(result.conversation!.id)).assignedStaffId).toBe(other.staff.id);
    await waitFor(() => assigned.length === 1, "assignment notice");
    expect(assigned[0]).toEqual({ conversationId: result.conversation!.id, reason: "auto" });
  });

  it("never goes over a counsellor's capacity when many students start at once", async () => {
    const a = track(await counsellorOnDuty(c, { capacity: 2 }));
    const b = track(await counsellorOnDuty(c, { capacity: 3 }));
    const students = await Promise.all(Array.from({ length: 12 }, () => chatUser(c)));
    students.forEach(track);
    const results = await Promise.all(students.map((student) => startChat(c, student, { firstMessage: { clientMessageId: newMessageId(), body: "在吗" } })));
    expect(results.filter((result) => result.outcome === "assigned")).toHaveLength(5);
    expect(results.filter((result) => result.outcome === "queued")).toHaveLength(7);
    const rows = await c.db.select().from(conversations).where(eq(conversations.status, "active"));
    expect(rows.filter((row) => row.assignedStaffId === a.staff.id)).toHaveLength(2);
    expect(rows.filter((row) => row.assignedStaffId === b.staff.id)).toHaveLength(3);
    const positions = results.filter((result) => result.outcome === "queued").map((result) => result.conversation!.queuePosition).sort((x, y) => x! - y!);
    expect(positions).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it("queues in order, lets a risk signal jump ahead, keeps students told their position, and routes when room frees", async () => {
    const counsellor = track(await counsellorOnDuty(c, { capacity: 1 }));
    const occupying = track(await chatUser(c));
    const occupied = await startChat(c, occupying);
    expect(occupied.outcome).toBe("assigned");

    const early = track(await chatUser(c));
    const late = track(await chatUser(c));
    const earlyStart = await startChat(c, early, { firstMessage: { clientMessageId: newMessageId(), body: "想找人聊聊" } });
    const lateStart = await startChat(c, late);
    expect([earlyStart.conversation!.queuePosition, lateStart.conversation!.queuePosition]).toEqual([1, 2]);
    expect(earlyStart.notice).toContain("第 1 位");

    const earlyStatus = collect<ChatStatusNotice>(early.socket, "chat:status");
    const ack = await new Promise<{ ok: boolean }>((resolve) => late.socket.emit("chat:send", { conversationId: lateStart.conversation!.id, clientMessageId: newMessageId(), body: "我真的不想活了" }, resolve));
    expect(ack.ok).toBe(true);
    const queue = (await api(c).get("/api/v1/chats/queue").set("Authorization", `Bearer ${counsellor.token}`).expect(200)).body as ChatQueueEntryView[];
    expect(queue.map((entry) => [entry.conversationId, entry.riskLevel])).toEqual([
      [lateStart.conversation!.id, "high"],
      [earlyStart.conversation!.id, "none"],
    ]);
    await waitFor(() => earlyStatus.some((notice) => notice.queuePosition === 2), "early student told they are now second");

    await api(c).post(`/api/v1/me/chats/${occupied.conversation!.id}/end`).set("Authorization", `Bearer ${occupying.token}`).expect(200);
    await waitFor(async () => (await assignedTo(lateStart.conversation!.id)).status === "active", "risk chat routed first");
    expect((await assignedTo(earlyStart.conversation!.id)).status).toBe("waiting");
  });

  it("lets staff pick from the queue by hand (on duty, within capacity) and refuses a chat already taken", async () => {
    const auth = (who: { token: string }) => ({ Authorization: `Bearer ${who.token}` });
    const counsellor = track(await counsellorOnDuty(c, { capacity: 1 }));
    await startChat(c, track(await chatUser(c)));
    const waiting = await startChat(c, track(await chatUser(c)));
    expect(waiting.outcome).toBe("queued");
    const full = await api(c).post(`/api/v1/chats/${waiting.conversation!.id}/accept`).set(auth(counsellor));
    expect([full.status, full.body.error.code]).toEqual([409, "CHAT_CAPACITY_FULL"]);

    const offDuty = track(await connectedStaff(c, ["counsellor"]));
    const refused = await api(c).post(`/api/v1/chats/${waiting.conversation!.id}/accept`).set(auth(offDuty));
    expect([refused.status, refused.body.error.code]).toEqual([409, "CHAT_NOT_ON_DUTY"]);

    const supervisor = track(await counsellorOnDuty(c, { capacity: 2, roles: ["supervisor"] }));
    const picked = await api(c).post(`/api/v1/chats/${waiting.conversation!.id}/accept`).set(auth(supervisor)).expect(200);
    expect(picked.body as StaffConversationView).toMatchObject({ status: "active", assignedStaffId: supervisor.staff.id, acceptedAt: expect.any(String) });
    const again = await api(c).post(`/api/v1/chats/${waiting.conversation!.id}/accept`).set(auth(supervisor)).expect(200);
    expect(again.body.acceptedAt).toBe(picked.body.acceptedAt);
    const taken = await api(c).post(`/api/v1/chats/${waiting.conversation!.id}/accept`).set(auth(counsellor));
    expect([taken.status, taken.body.error.code]).toEqual([409, "CHAT_ALREADY_TAKEN"]);
  });

  it("with nobody on duty stores nothing, offers the lines to call, and keeps the message for the next shift when asked", async () => {
    const student = track(await chatUser(c));
    const first = { clientMessageId: newMessageId(), body: "晚上总是很难受" };
    const nobody = await startChat(c, student, { firstMessage: first });
    expect(nobody).toMatchObject({ outcome: "nobody_on_duty", conversation: null, suggestMailbox: true });
    expect(nobody.helplines.map((line) => line.number)).toEqual(expect.arrayContaining(["12356", "110"]));
    expect(await c.db.select().from(conversations).where(eq(conversations.userId, student.id))).toHaveLength(0);

    const kept = await startChat(c, student, { firstMessage: first, keepForNextShift: true });
    expect(kept).toMatchObject({ outcome: "held_for_next_shift", conversation: { status: "waiting", heldForNextShift: true }, firstMessage: { seq: 1 } });
    const again = await startChat(c, student, { firstMessage: first, keepForNextShift: true });
    expect(again.outcome).toBe("already_open");
    expect(again.firstMessage?.seq).toBe(1);

    const nextShift = track(await counsellorOnDuty(c));
    await dispatchChatQueue(server().server.services);
    const row = await assignedTo(kept.conversation!.id);
    expect(row).toMatchObject({ status: "active", assignedStaffId: nextShift.staff.id, heldForNextShift: false, lastSeq: 2 });
  });

  it("answers a start racing the end of the student's open chat with an open chat, never a closed one or an error", async () => {
    track(await counsellorOnDuty(c, { capacity: 8 }));
    const student = track(await chatUser(c));
    const services = server().server.services;
    const actor = { type: "user" as const, id: student.id, alias: student.alias, role: "student" as const, ageBand: "14_17" as const, schoolId: null };
    for (let round = 0; round < 20; round += 1) {
      const first = await chatStarter({ services, actor, body: { keepForNextShift: false } });
      const [, again] = await Promise.all([
        userChatEnder({ services, actor, conversationId: first.conversation!.id }),
        chatStarter({ services, actor, body: { keepForNextShift: false, firstMessage: { clientMessageId: newMessageId(), body: `第 ${round} 次` } } }),
      ]);
      expect(again.conversation!.status).not.toBe("closed");
      await userChatEnder({ services, actor, conversationId: again.conversation!.id });
      server().clock.advance(1000); // past the per-second message limit, without waiting
    }
  });

  it("refuses a user without counselling consent", async () => {
    const student = track(await chatUser(c));
    const { consents } = await import("../db/schema");
    await c.db.delete(consents).where(eq(consents.userId, student.id));
    const response = await api(c).post("/api/v1/me/chats").set("Authorization", `Bearer ${student.token}`).send({});
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe("CONSENT_REQUIRED");
  });
});
