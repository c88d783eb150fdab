import { and, eq } from "drizzle-orm";
import { chatSystemLines, type ChatAssignmentNotice, type ChatMessageView, type ChatStatusNotice, type StaffConversationView } from "@xinyuan/shared";
import { chatTransfers, conversations, staffConnections } from "../db/schema";
import { api, chatUser, collect, counsellorOnDuty, newMessageId, startChat, waitFor } from "../../../tests/support/chatFixtures";
import { chatSuite } from "../../../tests/support/chatSuite";
import { emitWithAck } from "../../../tests/support/socketClient";
import { dispatchChatQueue } from "./chatDispatcher";
import { passOnUnopenedChats, tellWaitingNobodyIsLeft } from "./chatMaintenance";

const bodies = (messages: ChatMessageView[]) => messages.map((message) => message.body);

describe("chat: found, opened, passed on; nobody left", () => {
  const { c, server, track } = chatSuite({ CHAT_OPEN_TIMEOUT_SECONDS: "120" });
  const auth = (who: { token: string }) => ({ Authorization: `Bearer ${who.token}` });
  const row = async (id: string) => (await c.db.select().from(conversations).where(eq(conversations.id, id)))[0]!;
  /** After the test clock jumps, the connections are as fresh as the heartbeat would make them. */
  const freshen = () => c.db.update(staffConnections).set({ lastSeenAt: c.now() });

  it("tells the student a counsellor was found, and that they are here only once the counsellor opened the chat", async () => {
    const counsellor = track(await counsellorOnDuty(c));
    const student = track(await chatUser(c));
    const statuses = collect<ChatStatusNotice>(student.socket, "chat:status");
    const lines = collect<ChatMessageView>(student.socket, "chat:message");
    const started = await startChat(c, student, { firstMessage: { clientMessageId: newMessageId(), body: "老师你好" } });
    expect(started.outcome).toBe("assigned");
    expect(started.notice).toBe(chatSystemLines.counsellorFound);
    expect(started.notice).not.toContain("老师已经在这里了");
    expect(started.conversation).toMatchObject({ status: "active", withCounsellor: false, counsellorComing: true });
    await waitFor(() => bodies(lines).includes(chatSystemLines.counsellorFound), "found line");
    expect(bodies(lines)).not.toContain(chatSystemLines.counsellorJoined);

    const opened = (await api(c).get(`/api/v1/chats/${started.conversation!.id}`).set(auth(counsellor)).expect(200)).body as StaffConversationView;
    expect(opened.acceptedAt).not.toBeNull();
    await waitFor(() => statuses.some((notice) => notice.withCounsellor && !notice.counsellorComing), "student told the counsellor is here");
    await waitFor(() => bodies(lines).includes(chatSystemLines.counsellorJoined), "joined line");
    await api(c).get(`/api/v1/chats/${started.conversation!.id}`).set(auth(counsellor)).expect(200);
    const mine = (await api(c).get(`/api/v1/me/chats/${started.conversation!.id}`).set(auth(student)).expect(200)).body as { withCounsellor: boolean; counsellorComing: boolean };
    expect(mine).toMatchObject({ withCounsellor: true, counsellorComing: false });
    expect(bodies(lines).filter((body) => body === chatSystemLines.counsellorJoined)).toHaveLength(1);
  });

  it("passes a chat nobody opened in time to the next counsellor (recorded), then back to waiting when nobody else is left to try", async () => {
    const a = track(await counsellorOnDuty(c, { capacity: 1 }));
    const b = track(await counsellorOnDuty(c, { capacity: 1 }));
    const student = track(await chatUser(c));
    const lines = collect<ChatMessageView>(student.socket, "chat:message");
    const started = await startChat(c, student);
    const id = started.conversation!.id;
    const first = (await row(id)).assignedStaffId!;
    const [firstOne, secondOne] = first === a.staff.id ? [a, b] : [b, a];
    const toSecond = collect<ChatAssignmentNotice>(secondOne.socket, "chat:assigned");
    const fromFirst = collect<ChatAssignmentNotice>(firstOne.socket, "chat:unassigned");

    server().clock.advance(110_000);
    await freshen();
    expect(await passOnUnopenedChats(server().server.services)).toBe(0);
    server().clock.advance(11_000);
    await freshen();
    expect(await passOnUnopenedChats(server().server.services)).toBe(1);
    await dispatchChatQueue(server().server.services);
    expect(await row(id)).toMatchObject({ status: "active", assignedStaffId: secondOne.staff.id, acceptedAt: null });
    await waitFor(() => toSecond.some((notice) => notice.conversationId === id) && fromFirst.some((notice) => notice.conversationId === id), "both counsellors told");
    const recorded = await c.db.select().from(chatTransfers).where(and(eq(chatTransfers.conversationId, id), eq(chatTransfers.kind, "unopened")));
    expect(recorded.map((transfer) => transfer.fromStaffId)).toEqual([firstOne.staff.id]);
    await waitFor(() => bodies(lines).includes(chatSystemLines.counsellorDidNotCome), "student told honestly");

    server().clock.advance(121_000);
    await freshen();
    expect(await passOnUnopenedChats(server().server.services)).toBe(1);
    await dispatchChatQueue(server().server.services);
    // both let it lapse: it waits (never handed back to one of them by the router), with counsellors still on duty
    expect(await row(id)).toMatchObject({ status: "waiting", assignedStaffId: null, returnedToQueue: true, heldForNextShift: false });
    const me = (await api(c).get(`/api/v1/me/chats/${id}`).set(auth(student)).expect(200)).body as { withCounsellor: boolean; counsellorComing: boolean; queuePosition: number };
    expect(me).toMatchObject({ withCounsellor: false, counsellorComing: false, queuePosition: 1 });
    // a counsellor who comes back to the screen may still pick it from the queue
    await api(c).post(`/api/v1/chats/${id}/accept`).set(auth(firstOne)).expect(200);
    expect(await row(id)).toMatchObject({ status: "active", assignedStaffId: firstOne.staff.id });
    expect((await row(id)).acceptedAt).not.toBeNull();
  });

  it("tells students already waiting, with the helplines, when the last counsellor on duty goes away", async () => {
    const counsellor = track(await counsellorOnDuty(c, { capacity: 1 }));
    const served = track(await chatUser(c));
    expect((await startChat(c, served)).outcome).toBe("assigned");
    const waiting = track(await chatUser(c));
    const statuses = collect<ChatStatusNotice>(waiting.socket, "chat:status");
    const lines = collect<ChatMessageView>(waiting.socket, "chat:message");
    const queued = await startChat(c, waiting);
    expect(queued.outcome).toBe("queued");
    expect(await tellWaitingNobodyIsLeft(server().server.services)).toBe(0);

    const off = await emitWithAck(counsellor.socket, "duty:set", { onDuty: false, channels: [] });
    expect(off.ok).toBe(true);
    expect(await tellWaitingNobodyIsLeft(server().server.services)).toBe(1);
    expect(await tellWaitingNobodyIsLeft(server().server.services)).toBe(0);
    await waitFor(() => statuses.some((notice) => notice.heldForNextShift), "waiting student told nobody is on duty");
    const told = statuses.find((notice) => notice.heldForNextShift)!;
    expect(told.helplines.map((line) => line.number)).toEqual(expect.arrayContaining(["12356", "110", "120"]));
    await waitFor(() => bodies(lines).includes(chatSystemLines.nobodyLeft), "the stream says so too");
    expect(chatSystemLines.nobodyLeft).toContain("12356");

    const newcomer = track(await chatUser(c));
    const late = await startChat(c, newcomer);
    expect(late.outcome).toBe("nobody_on_duty");
    expect(late.notice).not.toContain("排在第");
  });
});
