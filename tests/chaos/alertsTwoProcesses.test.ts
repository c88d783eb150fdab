import { eq } from "drizzle-orm";
import type { AlertNotice, AlertView, ChatMessageView } from "@xinyuan/shared";
import { riskAlerts } from "../../server/src/db/schema";
import { openTestDatabase } from "../support/testDatabase";
import { freePort, startServerProcess, type ServerProcess } from "../support/serverProcess";
import { api, chatUser, collect, counsellorOnDuty, newMessageId, startChat, waitFor, type ChatTestServer } from "../support/chatFixtures";
import { emitWithAck } from "../support/socketClient";
import { startFakeWecomWebhook, type FakeWecomWebhook } from "../fakes/fakeWecomWebhook";

const escalateSeconds = 6;

/**
 * Alerts across two real server processes on one PostgreSQL database: a risk message written through
 * process A reaches a supervisor connected to process B (pg_notify carries the id, one process fans out);
 * left unacknowledged it escalates once — both processes run the escalation job — to the on-duty
 * counsellor and to the (fake) WeCom robot.
 */
describe("alerts across two processes", () => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  let serverA: ServerProcess;
  let serverB: ServerProcess;
  let webhook: FakeWecomWebhook;
  beforeAll(async () => {
    database = await openTestDatabase();
    webhook = await startFakeWecomWebhook();
    const environment = { ALERT_WEBHOOK_URL: webhook.url, ALERT_ESCALATE_MINUTES: String(escalateSeconds / 60), ALERT_CHECK_INTERVAL_MS: "250", CHAT_MESSAGES_PER_SECOND: "20" };
    const [portA, portB] = [await freePort(), await freePort()];
    [serverA, serverB] = await Promise.all([startServerProcess({ databaseUrl: database.url!, port: portA, environment }), startServerProcess({ databaseUrl: database.url!, port: portB, environment })]);
  });
  afterAll(async () => {
    await Promise.all([serverA?.stop(), serverB?.stop()]);
    await webhook?.close();
    await database?.close();
  });

  it("a risk message on A reaches a supervisor on B at once, and escalates exactly once to the webhook", async () => {
    const onA: ChatTestServer = { baseUrl: serverA.url, db: database.db, now: () => new Date() };
    const onB: ChatTestServer = { baseUrl: serverB.url, db: database.db, now: () => new Date() };
    const supervisor = await counsellorOnDuty(onB, { roles: ["supervisor"], capacity: 1 });
    const counsellor = await counsellorOnDuty(onA, { capacity: 8 });
    const atSupervisor = collect<AlertNotice>(supervisor.socket, "alert:new");
    const atCounsellor = collect<AlertNotice>(counsellor.socket, "alert:new");
    const sockets = [supervisor.socket, counsellor.socket];

    const latencies: number[] = [];
    const conversationIds: string[] = [];
    let firstAlias = "";
    for (let index = 0; index < 6; index += 1) {
      const student = await chatUser(onA);
      sockets.push(student.socket);
      if (index === 0) firstAlias = student.alias;
      const conversationId = (await startChat(onA, student)).conversation!.id;
      conversationIds.push(conversationId);
      const before = atSupervisor.length;
      const sentAt = performance.now();
      const sent = await emitWithAck<ChatMessageView>(student.socket, "chat:send", { conversationId, clientMessageId: newMessageId(), body: index % 2 === 0 ? "我不想活了" : "我想死" });
      expect(sent.ok).toBe(true);
      await waitFor(() => atSupervisor.length > before, "alert:new on the other process", 5000);
      latencies.push(performance.now() - sentAt);
    }
    // exactly one notice per alert (no double fan-out from two processes)
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(new Set(atSupervisor.map((notice) => notice.alertId)).size).toBe(6);
    expect(atSupervisor).toHaveLength(6);
    const sorted = [...latencies].sort((a, b) => a - b);
    console.log(`alert latency (two processes, PostgreSQL): risk message on A -> supervisor on B in min ${sorted[0]!.toFixed(1)} ms, median ${sorted[3]!.toFixed(1)} ms, max ${sorted.at(-1)!.toFixed(1)} ms`);
    expect(sorted.at(-1)).toBeLessThan(2000);

    // the supervisor acknowledges all but the first; the first escalates once
    const auth = { Authorization: `Bearer ${supervisor.token}` };
    const open = (await api(onB).get("/api/v1/alerts").set(auth).expect(200)).body as AlertView[];
    for (const alert of open.filter((item) => conversationIds.slice(1).includes(item.source.id))) await api(onB).post(`/api/v1/alerts/${alert.id}/acknowledge`).set(auth).expect(200);
    const raisedAt = Date.now();
    const mine = () => webhook.received.filter((message) => message.body.markdown!.content.includes(firstAlias));
    await waitFor(() => mine().length >= 1, "webhook called", (escalateSeconds + 10) * 1000);
    console.log(`alert escalation: webhook called ${((Date.now() - raisedAt) / 1000).toFixed(1)} s after the acknowledgements (escalation after ${escalateSeconds} s)`);
    await waitFor(() => atCounsellor.some((notice) => notice.escalated), "on-duty counsellor told");
    // both processes keep running the job: still one webhook call, one escalation, for the one open alert
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(mine()).toHaveLength(1);
    expect(webhook.received).toHaveLength(1);
    expect(atCounsellor.filter((notice) => notice.escalated)).toHaveLength(1);
    const [row] = await database.db.select().from(riskAlerts).where(eq(riskAlerts.sourceId, conversationIds[0]!));
    expect(row!.escalatedAt).not.toBeNull();
    expect(row!.webhookAttempts).toBe(1);
    for (const socket of sockets) socket.disconnect();
  });
});
