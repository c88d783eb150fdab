import { randomUUID } from "node:crypto";
import { io } from "socket.io-client";
import { appUsers } from "../db/schema";
import { sessionTokenFor } from "../../../tests/support/sessions";
import type { ChatMessageView } from "@xinyuan/shared";
import { chatUser, collect, connectedStaff, counsellorOnDuty, newMessageId, startChat, waitFor } from "../../../tests/support/chatFixtures";
import { chatSuite } from "../../../tests/support/chatSuite";
import { emitWithAck, type TestSocket } from "../../../tests/support/socketClient";
import { socketEventRules } from "./socketLimits";

type Refusal = { ok: false; error: { code: string; message: string; retryAfterMs?: number } };
const refusedForRate = (answers: Array<{ ok: boolean }>) => answers.filter((answer): answer is Refusal => !answer.ok && (answer as Refusal).error.code === "RATE_LIMITED");

/**
 * Issue 14 (Low): only chat:send was limited. Every other client event has a bucket per socket, and open
 * sockets are capped per session and per client address (real socket.io clients, real server).
 */
describe("socket limits", () => {
  // A small per-address cap so the test stays short; a client address from X-Forwarded-For, as behind the proxy.
  const { c, track } = chatSuite({ TRUST_PROXY: "true", SOCKET_CONNECTIONS_PER_ADDRESS: "8" });

  /** A socket from a given client address; resolves with the socket or the handshake refusal. */
  const connectFrom = (token: string, address: string) =>
    new Promise<{ socket: TestSocket; refusal?: { code?: string; message?: string } }>((resolve) => {
      const socket: TestSocket = io(c.baseUrl, { path: "/socket.io", auth: { token }, transports: ["websocket"], reconnection: false, forceNew: true, extraHeaders: { "X-Forwarded-For": address } });
      socket.once("connect", () => resolve({ socket }));
      socket.once("connect_error", (error: Error & { data?: { code?: string; message?: string } }) => resolve({ socket, refusal: error.data ?? { code: error.message } }));
    });
  const opened: TestSocket[] = [];
  afterEach(() => opened.splice(0).forEach((socket) => socket.disconnect()));

  it("answers typing past its bucket with a kind RATE_LIMITED ack and keeps the child in the chat", async () => {
    const counsellor = track(await counsellorOnDuty(c));
    const student = track(await chatUser(c));
    const { conversation } = await startChat(c, student, { firstMessage: { clientMessageId: newMessageId(), body: "我想找人说说话" } });
    const typing = { conversationId: conversation!.id, typing: true };
    const answers = await Promise.all(Array.from({ length: 30 }, () => emitWithAck(student.socket, "chat:typing", typing)));
    const refused = refusedForRate(answers);
    expect(refused.length).toBeGreaterThanOrEqual(30 - socketEventRules["chat:typing"]!.burst - 2);
    expect(refused[0]!.error.message).toMatch(/稍等/);
    expect(refused[0]!.error.retryAfterMs).toBeGreaterThan(0);
    expect(answers.filter((answer) => answer.ok).length).toBeGreaterThanOrEqual(socketEventRules["chat:typing"]!.burst);

    // still connected, still heard: the message goes through, and typing works again after the wait
    expect(student.socket.connected).toBe(true);
    const heard = collect<ChatMessageView>(counsellor.socket, "chat:message");
    expect(await emitWithAck(student.socket, "chat:send", { conversationId: conversation!.id, clientMessageId: newMessageId(), body: "打字太快了吗" })).toMatchObject({ ok: true });
    await waitFor(() => heard.some((message) => message.body === "打字太快了吗"), "the counsellor gets the message");
    await new Promise((resolve) => setTimeout(resolve, refused[0]!.error.retryAfterMs! + 50));
    expect(await emitWithAck(student.socket, "chat:typing", typing)).toEqual({ ok: true, data: {} });
  }, 30_000);

  it("gives resume, receipts, watch, hotline and duty events their own bucket per socket", async () => {
    const staff = track(await connectedStaff(c, ["supervisor", "counsellor"]));
    const other = track(await connectedStaff(c, ["supervisor", "counsellor"]));
    for (const event of Object.keys(socketEventRules)) {
      const { burst } = socketEventRules[event]!;
      // malformed input is refused cheaply, but still spends the bucket: flooding costs the flooder
      const answers = await Promise.all(Array.from({ length: burst + 5 }, () => emitWithAck(staff.socket, event, { conversationId: "not-a-uuid" })));
      expect({ event, refused: refusedForRate(answers).length >= 3 }).toEqual({ event, refused: true });
    }
    // another socket's buckets are its own
    expect(await emitWithAck(other.socket, "hotline:watch", {})).toMatchObject({ ok: true });
    expect(staff.socket.connected).toBe(true);
  }, 30_000);

  it("refuses a sixth socket of one session at the handshake, and takes one again once a tab closes", async () => {
    const student = track(await chatUser(c));
    const address = "10.20.30.40";
    const five = await Promise.all(Array.from({ length: 4 }, () => connectFrom(student.token, address)));
    opened.push(...five.map((attempt) => attempt.socket));
    expect(five.every((attempt) => !attempt.refusal)).toBe(true); // with the tracked one: five
    const sixth = await connectFrom(student.token, address);
    opened.push(sixth.socket);
    expect(sixth.refusal).toEqual({ code: "TOO_MANY_CONNECTIONS", message: expect.stringContaining("页面太多") });
    five[0]!.socket.disconnect();
    await waitFor(async () => !(await connectFrom(student.token, address).then((attempt) => (opened.push(attempt.socket), attempt.refusal))), "a socket again after one closed");
  }, 30_000);

  it("caps sockets per client address without touching other addresses", async () => {
    const school = "10.77.0.1";
    // nine students of one school, not yet connected
    const users = await Promise.all(Array.from({ length: 9 }, async () => {
      const [user] = await c.db.insert(appUsers).values({ alias: `小树-${randomUUID().slice(0, 6)}`, role: "student", ageBand: "14_17" }).returning();
      return { token: await sessionTokenFor(c.db, { type: "user", id: user!.id }, c.now()) };
    }));
    const attempts: Array<{ socket: TestSocket; refusal?: { code?: string; message?: string } }> = [];
    for (const user of users.slice(0, 8)) attempts.push(await connectFrom(user.token, school));
    opened.push(...attempts.map((attempt) => attempt.socket));
    expect(attempts.filter((attempt) => attempt.refusal)).toEqual([]);
    const ninth = await connectFrom(users[8]!.token, school);
    opened.push(ninth.socket);
    expect(ninth.refusal).toEqual({ code: "TOO_MANY_CONNECTIONS", message: expect.stringContaining("稍等") });
    const elsewhere = await connectFrom(users[8]!.token, "10.77.0.2");
    opened.push(elsewhere.socket);
    expect(elsewhere.refusal).toBeUndefined();
  }, 30_000);
});
