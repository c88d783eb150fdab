import supertest from "supertest";
import { eq } from "drizzle-orm";
import { staff, staffConnections } from "../db/schema";
import { revokeSessionsOf } from "../auth/sessionStore";
import { sweepSocketSessions } from "../realtime/socketSessionSweep";
import { availableStaffIds, writeDuty } from "./dutyState";
import { registerConnection } from "./connectionRegistry";
import { startTestServer, type TestServer } from "../../../tests/support/testServer";
import { buildStaff } from "../../../tests/support/factories";
import { sessionTokenFor } from "../../../tests/support/sessions";
import { connectSocket, emitWithAck, type TestSocket } from "../../../tests/support/socketClient";

describe("presence", () => {
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
  const now = () => t.server.services.clock.now();
  const waitFor = async (check: () => Promise<boolean>) => {
    for (let attempt = 0; attempt < 50; attempt += 1) {
      if (await check()) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error("condition not reached");
  };

  it("makes an on-duty counsellor with an open connection available, and tells their other devices", async () => {
    const counsellor = await buildStaff(db(), { roles: ["counsellor"] });
    const token = await sessionTokenFor(db(), { type: "staff", id: counsellor.id });
    const laptop = await connectSocket(t.baseUrl, token);
    const phone = await connectSocket(t.baseUrl, token);
    sockets.push(laptop, phone);
    const changed = new Promise((resolve) => phone.once("duty:changed", resolve));
    const ack = await emitWithAck(laptop, "duty:set", { onDuty: true, channels: ["hotline"] });
    expect(ack).toMatchObject({ ok: true, data: { onDuty: true, channels: ["hotline"], connected: true } });
    await expect(changed).resolves.toMatchObject({ onDuty: true });
    await waitFor(async () => (await availableStaffIds(db(), "hotline", now())).includes(counsellor.id));
    expect(await availableStaffIds(db(), "chat", now())).not.toContain(counsellor.id);

    laptop.disconnect();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await availableStaffIds(db(), "hotline", now())).toContain(counsellor.id);
    phone.disconnect();
    await waitFor(async () => !(await availableStaffIds(db(), "hotline", now())).includes(counsellor.id));
  });

  it("stops counting a connection whose heartbeat stopped (a dead process or lost network)", async () => {
    const counsellor = await buildStaff(db(), { roles: ["counsellor"] });
    const token = await sessionTokenFor(db(), { type: "staff", id: counsellor.id });
    const socket = await connectSocket(t.baseUrl, token);
    sockets.push(socket);
    await emitWithAck(socket, "duty:set", { onDuty: true, channels: ["chat"] });
    await waitFor(async () => (await availableStaffIds(db(), "chat", now())).includes(counsellor.id));
    t.clock.advance(31_000);
    expect(await availableStaffIds(db(), "chat", now())).not.toContain(counsellor.id);
  });

  it("refuses a socket without a valid token", async () => {
    await expect(connectSocket(t.baseUrl, "not-a-token")).rejects.toThrow("UNAUTHENTICATED");
  });

  it("refuses a socket to staff who must change their password first, as the API does", async () => {
    const member = await buildStaff(db(), { roles: ["counsellor"], mustChangePassword: true });
    const token = await sessionTokenFor(db(), { type: "staff", id: member.id });
    await expect(connectSocket(t.baseUrl, token)).rejects.toThrow("PASSWORD_CHANGE_REQUIRED");
  });

  it("keeps duty to the channels the staff member may serve: the county line only at county scope, nothing for non-counselling roles", async () => {
    const schoolCounsellor = await buildStaff(db(), { roles: ["counsellor"], scope: "school" });
    const socket = await connectSocket(t.baseUrl, await sessionTokenFor(db(), { type: "staff", id: schoolCounsellor.id }));
    sockets.push(socket);
    const both = await emitWithAck(socket, "duty:set", { onDuty: true, channels: ["hotline", "chat"] });
    expect(both).toMatchObject({ ok: true, data: { onDuty: true, channels: ["chat"] } });
    const hotlineOnly = await emitWithAck(socket, "duty:set", { onDuty: true, channels: ["hotline"] });
    expect(hotlineOnly).toMatchObject({ ok: false, error: { code: "DUTY_CHANNEL_NOT_ALLOWED", message: expect.stringContaining("在线咨询") } });
    await waitFor(async () => (await availableStaffIds(db(), "chat", now())).includes(schoolCounsellor.id));
    expect(await availableStaffIds(db(), "hotline", now())).not.toContain(schoolCounsellor.id);

    const editor = await buildStaff(db(), { roles: ["editor"] });
    const editorSocket = await connectSocket(t.baseUrl, await sessionTokenFor(db(), { type: "staff", id: editor.id }));
    sockets.push(editorSocket);
    expect(await emitWithAck(editorSocket, "duty:set", { onDuty: true, channels: ["chat"] })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    const refused = await supertest(t.baseUrl).put("/api/v1/duty").set({ Authorization: `Bearer ${await sessionTokenFor(db(), { type: "staff", id: schoolCounsellor.id })}` }).send({ onDuty: true, channels: ["hotline"] });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe("DUTY_CHANNEL_NOT_ALLOWED");
  });

  it("never counts an old presence row of someone who may not serve the channel (role or scope changed since)", async () => {
    const member = await buildStaff(db(), { roles: ["counsellor"], scope: "county" });
    await writeDuty(db(), member.id, { onDuty: true, channels: ["hotline", "chat"] }, now());
    await registerConnection(db(), `test-${member.id}`, member.id, now());
    expect(await availableStaffIds(db(), "hotline", now())).toContain(member.id);
    await db().update(staff).set({ roles: ["editor"] }).where(eq(staff.id, member.id));
    expect(await availableStaffIds(db(), "chat", now())).not.toContain(member.id);
    await db().update(staff).set({ roles: ["counsellor"], scopeLevel: "school" }).where(eq(staff.id, member.id));
    expect(await availableStaffIds(db(), "hotline", now())).not.toContain(member.id);
    expect(await availableStaffIds(db(), "chat", now())).toContain(member.id);
  });

  it("disconnects sockets whose session was revoked or whose roles changed; the reconnected socket has the new rights", async () => {
    const leaving = await buildStaff(db(), { roles: ["counsellor"] });
    const leavingSocket = await connectSocket(t.baseUrl, await sessionTokenFor(db(), { type: "staff", id: leaving.id }));
    const staying = await buildStaff(db(), { roles: ["counsellor"] });
    const stayingSocket = await connectSocket(t.baseUrl, await sessionTokenFor(db(), { type: "staff", id: staying.id }));
    sockets.push(leavingSocket, stayingSocket);
    const gone = new Promise((resolve) => leavingSocket.once("disconnect", resolve));
    await revokeSessionsOf(db(), { type: "staff", id: leaving.id }, now());
    await db().update(staff).set({ roles: ["editor"] }).where(eq(staff.id, staying.id));
    const changed = new Promise((resolve) => stayingSocket.once("disconnect", resolve));
    expect(await sweepSocketSessions(t.server.io, t.server.services)).toBe(2);
    await expect(gone).resolves.toBe("io server disconnect");
    await expect(changed).resolves.toBe("io server disconnect");
    stayingSocket.connect();
    await waitFor(async () => stayingSocket.connected);
    expect(await emitWithAck(stayingSocket, "duty:set", { onDuty: true, channels: ["chat"] })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
  });

  it("leaves no presence row behind for a socket that connects and closes at once", async () => {
    const member = await buildStaff(db(), { roles: ["counsellor"] });
    const token = await sessionTokenFor(db(), { type: "staff", id: member.id });
    for (let round = 0; round < 5; round += 1) (await connectSocket(t.baseUrl, token)).disconnect();
    await new Promise((resolve) => setTimeout(resolve, 300));
    await waitFor(async () => (await db().select().from(staffConnections).where(eq(staffConnections.staffId, member.id))).length === 0);
  });
});
