import type { CallerTicketView } from "@xinyuan/shared";
import { startTestServer, type TestServer } from "../../../tests/support/testServer";
import { buildStaff } from "../../../tests/support/factories";
import { sessionTokenFor } from "../../../tests/support/sessions";
import { connectSocket, emitWithAck, type TestSocket } from "../../../tests/support/socketClient";
import { buildCaller, rosterShiftAround } from "../../../tests/support/hotlineFixtures";

describe("hotline live updates (socket.io)", () => {
  let t: TestServer;
  const sockets: TestSocket[] = [];
  beforeAll(async () => {
    t = await startTestServer({ seed: false });
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await t.close();
  });
  const db = () => t.server.services.db;
  const api = (path: string, token: string, init: { method?: string; body?: unknown } = {}) =>
    fetch(`${t.baseUrl}/api/v1${path}`, {
      method: init.method ?? "GET",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      ...(init.body ? { body: JSON.stringify(init.body) } : {}),
    }).then(async (response) => ({ status: response.status, body: (await response.json()) as Record<string, unknown> }));
  const nextEvent = <T>(socket: TestSocket, event: string, match: (payload: T) => boolean) =>
    new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${event}`)), 5000);
      const listener = (payload: T) => {
        if (!match(payload)) return;
        clearTimeout(timer);
        (socket as unknown as { off(event: string, listener: (payload: T) => void): void }).off(event, listener);
        resolve(payload);
      };
      (socket as unknown as { on(event: string, listener: (payload: T) => void): void }).on(event, listener);
    });

  it("pushes a waiting caller their new position as the counsellor takes the caller ahead, then their own claim; staff get queue notices", async () => {
    const counsellor = await buildStaff(db(), { roles: ["counsellor"], scope: "county" });
    const staffToken = await sessionTokenFor(db(), { type: "staff", id: counsellor.id });
    const staffSocket = await connectSocket(t.baseUrl, staffToken);
    sockets.push(staffSocket);
    expect(await emitWithAck(staffSocket, "duty:set", { onDuty: true, channels: ["hotline"] })).toMatchObject({ ok: true });
    expect(await emitWithAck(staffSocket, "hotline:watch", {})).toEqual({ ok: true, data: { waiting: 0 } });
    await rosterShiftAround(db(), counsellor.id, t.clock.now());

    const ahead = await buildCaller(db());
    const me = await buildCaller(db());
    const aheadToken = await sessionTokenFor(db(), { type: "user", id: ahead.id });
    const myToken = await sessionTokenFor(db(), { type: "user", id: me.id });
    expect((await api("/hotline/tickets", aheadToken, { method: "POST", body: { kind: "inbound" } })).status).toBe(201);
    const joined = await api("/hotline/tickets", myToken, { method: "POST", body: { kind: "inbound" } });
    expect(joined.body).toMatchObject({ position: 2 });

    const callerSocket = await connectSocket(t.baseUrl, myToken);
    sockets.push(callerSocket);
    const queueNotice = nextEvent<{ waiting: number }>(staffSocket, "hotline:queue-changed", (notice) => notice.waiting === 1);
    const movedUp = nextEvent<CallerTicketView>(callerSocket, "hotline:ticket", (view) => view.position === 1);
    const first = await api("/hotline/calls/next", staffToken, { method: "POST" });
    expect(first.body).toMatchObject({ alias: ahead.alias });
    expect(await movedUp).toMatchObject({ id: joined.body.id, status: "waiting", position: 1 });
    await queueNotice;

    await api(`/hotline/calls/${String(first.body.id)}/release`, staffToken, { method: "POST" });
    await api(`/hotline/tickets/${String(first.body.id)}/cancel`, aheadToken, { method: "POST" });
    const taken = nextEvent<CallerTicketView>(callerSocket, "hotline:ticket", (view) => view.status === "claimed");
    const mine = await api("/hotline/calls/next", staffToken, { method: "POST" });
    expect(mine.body).toMatchObject({ id: joined.body.id });
    expect(await taken).toMatchObject({ id: joined.body.id, status: "claimed", position: null });

    callerSocket.disconnect();
    const resync = await api("/hotline/tickets/current", myToken);
    expect(resync.body.ticket).toMatchObject({ id: joined.body.id, status: "claimed", position: null });

    // The caller deletes their account mid-call: the counsellor is told the call was cancelled at once.
    const cancelled = nextEvent<{ ticketId: string; reason: string }>(staffSocket, "hotline:call-changed", (notice) => notice.ticketId === joined.body.id);
    const deleted = await fetch(`${t.baseUrl}/api/v1/me`, { method: "DELETE", headers: { authorization: `Bearer ${myToken}` } });
    expect(deleted.status).toBe(204);
    expect(await cancelled).toMatchObject({ ticketId: joined.body.id, reason: "cancelled" });
  });

  it("refuses the queue room to anyone but hotline staff", async () => {
    const caller = await buildCaller(db());
    const socket = await connectSocket(t.baseUrl, await sessionTokenFor(db(), { type: "user", id: caller.id }));
    sockets.push(socket);
    expect(await emitWithAck(socket, "hotline:watch", {})).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    const schoolCounsellor = await buildStaff(db(), { roles: ["counsellor"], scope: "school" });
    const staffSocket = await connectSocket(t.baseUrl, await sessionTokenFor(db(), { type: "staff", id: schoolCounsellor.id }));
    sockets.push(staffSocket);
    expect(await emitWithAck(staffSocket, "hotline:watch", {})).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
  });
});
