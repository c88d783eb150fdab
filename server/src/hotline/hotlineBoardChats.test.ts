import { randomBytes } from "node:crypto";
import type { HotlineBoardView } from "@xinyuan/shared";
import { appUsers, conversations } from "../db/schema";
import { api, chatUser, collect, connectedStaff, startChat, waitFor } from "../../../tests/support/chatFixtures";
import { chatSuite } from "../../../tests/support/chatSuite";
import { emitWithAck } from "../../../tests/support/socketClient";

describe("hotline board: chat figures", () => {
  const { c, track } = chatSuite();
  const auth = (who: { token: string }) => ({ Authorization: `Bearer ${who.token}` });
  const minutesAgo = (minutes: number) => new Date(c.now().getTime() - minutes * 60_000);
  const conversationOf = async (status: "waiting" | "active" | "closed", queuedMinutesAgo: number, extra: Partial<typeof conversations.$inferInsert> = {}) => {
    const [user] = await c.db.insert(appUsers).values({ alias: `看板-${randomBytes(3).toString("hex")}`, role: "student", ageBand: "14_17" }).returning();
    const queuedAt = minutesAgo(queuedMinutesAgo);
    await c.db.insert(conversations).values({ userId: user!.id, status, queuedAt, lastActivityAt: queuedAt, createdAt: queuedAt, ...(status === "closed" ? { closedAt: c.now() } : {}), ...extra });
  };
  const board = async (who: { token: string }) => (await api(c).get("/api/v1/hotline/board").set(auth(who)).expect(200)).body as HotlineBoardView;

  it("counts waiting and active chats and the longest chat wait from the conversations", async () => {
    const supervisor = track(await connectedStaff(c, ["supervisor"]));
    expect((await board(supervisor)).chats).toEqual({ waiting: 0, active: 0, longestWaitMinutes: 0 });

    await conversationOf("waiting", 12.5);
    await conversationOf("waiting", 3, { heldForNextShift: true });
    await conversationOf("waiting", 1, { returnedToQueue: true });
    await conversationOf("active", 40);
    await conversationOf("active", 25);
    await conversationOf("closed", 90);
    expect((await board(supervisor)).chats).toEqual({ waiting: 3, active: 2, longestWaitMinutes: 12 });

    const admin = track(await connectedStaff(c, ["centre_admin"]));
    expect((await board(admin)).chats).toEqual({ waiting: 3, active: 2, longestWaitMinutes: 12 });
  });

  it("tells a centre admin watching the board when the chat queue changes, and stops after unwatch", async () => {
    const admin = track(await connectedStaff(c, ["centre_admin"]));
    const notices = collect<{ waiting: number }>(admin.socket, "chat:queue");
    expect((await emitWithAck(admin.socket, "hotline:watch", {})).ok).toBe(true);
    const student = track(await chatUser(c));
    await startChat(c, student, { keepForNextShift: true });
    await waitFor(() => notices.length >= 1, "chat:queue on the board");
    expect(notices.at(-1)).toEqual({ waiting: 1 });
    expect((await board(admin)).chats.waiting).toBe(1);

    await emitWithAck(admin.socket, "hotline:unwatch", {});
    const seen = notices.length;
    const other = track(await chatUser(c));
    await startChat(c, other, { keepForNextShift: true });
    const supervisor = track(await connectedStaff(c, ["supervisor"]));
    expect((await board(supervisor)).chats.waiting).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(notices.length).toBe(seen);
  });
});
