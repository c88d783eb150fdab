import { eq } from "drizzle-orm";
import type { ChatMessageView } from "@xinyuan/shared";
import { staff } from "../db/schema";
import { chatUser, collect, connectedStaff, counsellorOnDuty, newMessageId, startChat, waitFor } from "../../../tests/support/chatFixtures";
import { chatSuite } from "../../../tests/support/chatSuite";
import { emitWithAck } from "../../../tests/support/socketClient";

/**
 * Issue 14 (Medium): HTTP re-reads the staff row on every request, but a socket joined its rooms at
 * the time it was allowed to. A role or scope change must reach the socket within seconds (the
 * presence heartbeat's sweep), so a removed supervisor stops receiving a watched chat. The sweep runs
 * every second here instead of every 10 s (SOCKET_SESSION_SWEEP_MS), so the wait is short.
 */
describe("role and scope changes reach open sockets", () => {
  const sweepMs = 1000;
  const { c, track } = chatSuite({ SOCKET_SESSION_SWEEP_MS: String(sweepMs) });

  it("a supervisor whose role is removed stops receiving the live messages of a chat they were watching", async () => {
    const counsellor = track(await counsellorOnDuty(c));
    const student = track(await chatUser(c));
    const { conversation } = await startChat(c, student, { firstMessage: { clientMessageId: newMessageId(), body: "我有点难受" } });
    const supervisor = track(await connectedStaff(c, ["supervisor", "counsellor"]));
    expect(await emitWithAck(supervisor.socket, "chat:watch", { conversationId: conversation!.id })).toMatchObject({ ok: true });
    const live = collect<ChatMessageView>(supervisor.socket, "chat:message");
    await emitWithAck(counsellor.socket, "chat:send", { conversationId: conversation!.id, clientMessageId: newMessageId(), body: "我在听" });
    await waitFor(() => live.length === 1, "the watcher sees the live message");

    await c.db.update(staff).set({ roles: ["counsellor"] }).where(eq(staff.id, supervisor.staff.id));
    const removedAt = Date.now();
    const closed = new Promise<string>((resolve) => supervisor.socket.once("disconnect", resolve));
    await expect(closed).resolves.toBe("io server disconnect");
    expect(Date.now() - removedAt).toBeLessThan(sweepMs + 2000);

    // The client reconnects (the admin does on "io server disconnect") and may no longer watch.
    supervisor.socket.connect();
    await waitFor(() => supervisor.socket.connected, "reconnected");
    const seen = collect<ChatMessageView>(supervisor.socket, "chat:message");
    expect(await emitWithAck(supervisor.socket, "chat:watch", { conversationId: conversation!.id })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    await emitWithAck(student.socket, "chat:send", { conversationId: conversation!.id, clientMessageId: newMessageId(), body: "家里的事我不想让别人知道" });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(seen.map((message) => message.body)).toEqual([]);
    expect(live.map((message) => message.body)).not.toContain("家里的事我不想让别人知道");
  }, 30_000);

  it("a scope narrowed from county to an area takes effect on the socket too", async () => {
    const supervisor = track(await connectedStaff(c, ["supervisor"]));
    const closed = new Promise<string>((resolve) => supervisor.socket.once("disconnect", resolve));
    await c.db.update(staff).set({ scopeLevel: "area" }).where(eq(staff.id, supervisor.staff.id));
    await expect(closed).resolves.toBe("io server disconnect");
  }, 30_000);
});
