import { availableStaffIds } from "./dutyState";
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
});
