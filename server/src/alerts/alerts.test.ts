import { eq } from "drizzle-orm";
import type { Pool } from "pg";
import type { AlertNotice, AlertView, ChatMessageView } from "@xinyuan/shared";
import { riskAlerts, staffConnections } from "../db/schema";
import { alertListenerJob } from "./alertListener";
import { alertNotifyChannel } from "./alertRooms";
import { startTestServer, type TestServer } from "../../../tests/support/testServer";
import { api, chatUser, chatTestEnvironment, collect, connectedStaff, counsellorOnDuty, newMessageId, resetChats, startChat, waitFor, type ChatTestServer } from "../../../tests/support/chatFixtures";
import { emitWithAck, type TestSocket } from "../../../tests/support/socketClient";
import { startFakeWecomWebhook, type FakeWecomWebhook } from "../../../tests/fakes/fakeWecomWebhook";
import { testDbKind } from "../../../tests/support/testDatabase";

/** The durable alert inbox end to end: real server, real sockets, a fake WeCom robot on 127.0.0.1. */
describe("alerts", () => {
  let server: TestServer;
  let webhook: FakeWecomWebhook;
  const sockets: TestSocket[] = [];
  const c: ChatTestServer = {
    get baseUrl() {
      return server.baseUrl;
    },
    get db() {
      return server.server.services.db;
    },
    now: () => server.clock.now(),
  };
  const track = <T extends { socket: TestSocket }>(who: T): T => {
    sockets.push(who.socket);
    return who;
  };
  const send = (socket: TestSocket, conversationId: string, body: string) => emitWithAck<ChatMessageView>(socket, "chat:send", { conversationId, clientMessageId: newMessageId(), body });
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const alertsOf = async (token: string) => (await api(c).get("/api/v1/alerts").set(auth(token)).expect(200)).body as AlertView[];

  beforeAll(async () => {
    webhook = await startFakeWecomWebhook();
    server = await startTestServer({
      seed: false,
      environment: { ...chatTestEnvironment, ALERT_WEBHOOK_URL: webhook.url, ALERT_ADMIN_URL: "https://xinyuan.example.cn/admin", ALERT_CHECK_INTERVAL_MS: "150", ALERT_ESCALATE_MINUTES: "2" },
    });
  });
  afterEach(async () => {
    await resetChats(c, sockets);
    webhook.received.splice(0);
  });
  afterAll(async () => {
    await server?.close();
    await webhook?.close();
  });

  it("keeps a risk alert for a supervisor who connects after the message, who then acknowledges it (API and socket)", async () => {
    const counsellor = track(await counsellorOnDuty(c));
    const student = track(await chatUser(c));
    const started = await startChat(c, student);
    const conversationId = started.conversation!.id;
    expect((await send(student.socket, conversationId, "我不想活了")).ok).toBe(true);
    await waitFor(async () => (await c.db.select().from(riskAlerts).where(eq(riskAlerts.sourceId, conversationId))).length === 1, "alert stored");

    // a minute later a supervisor signs in: the alert is still there, open, with the alias only
    server.clock.advance(60_000);
    const supervisor = track(await connectedStaff(c, ["supervisor"]));
    const changes = collect<AlertNotice>(supervisor.socket, "alert:changed");
    const open = await alertsOf(supervisor.token);
    const alert = open.find((item) => item.source.id === conversationId)!;
    expect(alert).toMatchObject({ level: "high", categories: ["suicide"], source: { kind: "chat", id: conversationId }, subjectAlias: student.alias, state: "new" });
    expect(JSON.stringify(alert)).not.toContain("不想活");
    expect(JSON.stringify(alert)).not.toContain(student.id);

    const acknowledged = await api(c).post(`/api/v1/alerts/${alert.id}/acknowledge`).set(auth(supervisor.token)).expect(200);
    expect(acknowledged.body).toMatchObject({ state: "acknowledged", acknowledgedByName: expect.stringContaining("测试老师") });
    await waitFor(() => changes.some((notice) => notice.alertId === alert.id && notice.state === "acknowledged"), "alert:changed");

    // handled with a note; the note is stored encrypted; a counsellor who was never escalated to sees nothing
    const handled = await api(c).post(`/api/v1/alerts/${alert.id}/handle`).set(auth(supervisor.token)).send({ outcome: "contacted", note: "已与学生通话，联系了班主任" }).expect(200);
    expect(handled.body).toMatchObject({ state: "handled", outcome: "contacted", note: "已与学生通话，联系了班主任" });
    const [row] = await c.db.select().from(riskAlerts).where(eq(riskAlerts.id, alert.id));
    expect(row!.noteEnc).not.toContain("班主任");
    expect((await alertsOf(supervisor.token)).map((item) => item.id)).not.toContain(alert.id);
    expect(await alertsOf(counsellor.token)).toEqual([]);
    await api(c).get(`/api/v1/alerts/${alert.id}`).set(auth(counsellor.token)).expect(404);
    await api(c).get("/api/v1/alerts/not-a-uuid").set(auth(supervisor.token)).expect(400);
  });

  it("tells a connected supervisor at once (alert:new), raises one alert per level, and measures the latency", async () => {
    const supervisor = track(await counsellorOnDuty(c, { roles: ["supervisor"], capacity: 1 }));
    track(await counsellorOnDuty(c));
    const notices = collect<AlertNotice>(supervisor.socket, "alert:new");
    const student = track(await chatUser(c));
    const conversationId = (await startChat(c, student)).conversation!.id;
    const latencies: number[] = [];
    for (const text of ["我不想活了", "真的不想再活下去了"]) {
      const before = notices.length;
      const sentAt = performance.now();
      await send(student.socket, conversationId, text);
      if (text === "我不想活了") {
        await waitFor(() => notices.length > before, "alert:new");
        latencies.push(performance.now() - sentAt);
      }
    }
    await send(student.socket, conversationId, "我打算明天自杀");
    await waitFor(() => notices.some((notice) => notice.level === "imminent"), "imminent alert");
    const rows = await c.db.select().from(riskAlerts).where(eq(riskAlerts.sourceId, conversationId));
    expect(rows.map((row) => row.level).sort()).toEqual(["high", "imminent"]);
    expect(notices.filter((notice) => notice.level === "high")).toHaveLength(1);
    expect(Object.keys(notices[0]!).sort()).toEqual(["alertId", "escalated", "level", "state"]);
    // eslint-disable-next-line no-console
    console.log(`alert latency (${testDbKind}): risk message sent -> supervisor alert:new in ${latencies.map((ms) => ms.toFixed(1)).join(", ")} ms`);
    expect(latencies[0]).toBeLessThan(2000);
    // more samples: a fresh chat each time (one alert per chat and level)
    for (let index = 0; index < 5; index += 1) {
      const other = track(await chatUser(c));
      const otherId = (await startChat(c, other)).conversation!.id;
      const before = notices.length;
      const sentAt = performance.now();
      await send(other.socket, otherId, "我想死");
      await waitFor(() => notices.length > before, "alert:new");
      latencies.push(performance.now() - sentAt);
    }
    const sorted = [...latencies].sort((a, b) => a - b);
    // eslint-disable-next-line no-console
    console.log(`alert latency (${testDbKind}) over ${sorted.length} risk messages: min ${sorted[0]!.toFixed(1)} ms, median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(1)} ms, max ${sorted.at(-1)!.toFixed(1)} ms`);
    expect(sorted.at(-1)).toBeLessThan(2000);
  });

  it("gives one winner when supervisors acknowledge at the same moment", async () => {
    const student = track(await chatUser(c));
    track(await counsellorOnDuty(c));
    const conversationId = (await startChat(c, student, { firstMessage: { clientMessageId: newMessageId(), body: "我想死" } })).conversation!.id;
    const supervisors = await Promise.all(Array.from({ length: 4 }, async () => track(await connectedStaff(c, ["supervisor"]))));
    const [alert] = (await alertsOf(supervisors[0]!.token)).filter((item) => item.source.id === conversationId);
    const answers = await Promise.all(supervisors.flatMap((who) => [0, 1, 2].map(() => api(c).post(`/api/v1/alerts/${alert!.id}/acknowledge`).set(auth(who.token)))));
    const winners = new Set(answers.filter((answer) => answer.status === 200).map((answer) => (answer.body as AlertView).acknowledgedByName));
    expect(winners.size).toBe(1);
    const losers = answers.filter((answer) => answer.status !== 200);
    expect(losers.length).toBeGreaterThan(0);
    expect(losers.every((answer) => answer.status === 409 && answer.body.error.code === "ALERT_ALREADY_ACKNOWLEDGED")).toBe(true);
    const [row] = await c.db.select().from(riskAlerts).where(eq(riskAlerts.id, alert!.id));
    expect(row!.state).toBe("acknowledged");
  });

  it("escalates an unacknowledged alert after ALERT_ESCALATE_MINUTES to on-duty counsellors and the WeCom webhook", async () => {
    track(await counsellorOnDuty(c, { roles: ["supervisor"], capacity: 1 }));
    const counsellor = track(await counsellorOnDuty(c));
    const atCounsellor = collect<AlertNotice>(counsellor.socket, "alert:new");
    const student = track(await chatUser(c));
    const conversationId = (await startChat(c, student)).conversation!.id;
    await send(student.socket, conversationId, "我又割自己了");
    await waitFor(async () => (await c.db.select().from(riskAlerts).where(eq(riskAlerts.sourceId, conversationId))).length === 1, "alert stored");
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(webhook.received).toHaveLength(0);
    expect(atCounsellor).toHaveLength(0);

    // two real minutes would have kept the staff's heartbeats fresh: write what they would have written, then move the clock
    await c.db.update(staffConnections).set({ lastSeenAt: new Date(c.now().getTime() + 2 * 60_000 + 1000) });
    server.clock.advance(2 * 60_000 + 1000);
    const mine = () => webhook.received.filter((message) => message.body.markdown!.content.includes(student.alias));
    await waitFor(() => mine().length === 1, "webhook called");
    const content = mine()[0]!.body.markdown!.content;
    expect(content).toContain(student.alias);
    expect(content).toContain("在线咨询");
    expect(content).toMatch(/已 2 分钟无人确认/);
    expect(content).toContain("https://xinyuan.example.cn/admin/alerts?focus=");
    expect(content).not.toContain("割");
    await waitFor(() => atCounsellor.some((notice) => notice.escalated), "counsellor told");
    // now the counsellor sees it and may take it
    const seen = (await alertsOf(counsellor.token)).find((item) => item.source.id === conversationId)!;
    expect(seen.steps.map((step) => step.kind)).toEqual(expect.arrayContaining(["raised", "escalated", "webhook_sent"]));
    await api(c).post(`/api/v1/alerts/${seen.id}/acknowledge`).set(auth(counsellor.token)).expect(200);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(mine()).toHaveLength(1);
  });

  it("with nobody on duty says so at once and calls the webhook without waiting (a chat kept for the next shift)", async () => {
    const student = track(await chatUser(c));
    const started = await startChat(c, student, { keepForNextShift: true, firstMessage: { clientMessageId: newMessageId(), body: "我不想活了" } });
    expect(started.outcome).toBe("held_for_next_shift");
    const mine = () => webhook.received.filter((message) => message.body.markdown!.content.includes(student.alias));
    await waitFor(() => mine().length === 1, "webhook at once");
    expect(mine()[0]!.body.markdown!.content).toContain("当前无人值班");
    const [row] = await c.db.select().from(riskAlerts).where(eq(riskAlerts.sourceId, started.conversation!.id));
    expect(row).toMatchObject({ nobodyOnDuty: true, level: "high" });
    expect(row!.escalatedAt).not.toBeNull();
  });

  it("retries a webhook WeCom refused", async () => {
    // earlier tests' alerts are all delivered by now; the next post is refused
    await waitFor(async () => (await c.db.select().from(riskAlerts).where(eq(riskAlerts.state, "new"))).every((row) => row.webhookDeliveredAt !== null), "earlier webhooks delivered");
    webhook.failNext(1);
    const student = track(await chatUser(c));
    const mine = () => webhook.received.filter((message) => message.body.markdown!.content.includes(student.alias));
    const started = await startChat(c, student, { keepForNextShift: true, firstMessage: { clientMessageId: newMessageId(), body: "我爸喝了酒就打我" } });
    await waitFor(async () => (await c.db.select().from(riskAlerts).where(eq(riskAlerts.sourceId, started.conversation!.id)))[0]?.webhookAttempts === 1, "first attempt");
    expect(mine()).toHaveLength(0);
    server.clock.advance(31_000);
    await waitFor(() => mine().length === 1, "retried");
  });
});

/**
 * The listening connection (PostgreSQL): when the server ends it, a running listener reconnects on a new one and
 * a stopped one stays stopped, and nothing escapes as an uncaught error. (The listener also releases the
 * connection only once when the server ends it while it stops, a race seen once in the content benchmark's
 * shutdown that this test does not reproduce reliably.) PGlite has no listening connection.
 */
describe("alert listener (PostgreSQL)", () => {
  (testDbKind === "postgres" ? it : it.skip)("reconnects when the server ends its connection, stays stopped once stopped, and lets no error escape", async () => {
    const server = await startTestServer({ seed: false });
    const uncaught: unknown[] = [];
    const onUncaught = (error: unknown) => uncaught.push(error);
    process.on("uncaughtException", onUncaught);
    try {
      const services = server.server.services;
      const pool = (services.db as unknown as { $client: Pool }).$client;
      // the alert listeners' backends only (the realtime adapter and the publishing cache LISTEN on their own channels)
      const listening = "select pid from pg_stat_activity where datname = current_database() and query ~ $1 and pid <> pg_backend_pid()";
      const listeners = async () => (await pool.query<{ pid: number }>(listening, [`LISTEN ${alertNotifyChannel}`])).rows.map((row) => row.pid);
      const stop = alertListenerJob(services);
      // the server's own listener and this one
      await waitFor(async () => (await listeners()).length >= 2, "two listening connections");
      const before = await listeners();
      stop();
      await pool.query(`select pg_terminate_backend(pid) from (${listening}) as listener`, [`LISTEN ${alertNotifyChannel}`]);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(uncaught).toEqual([]);
      // the server's own listener comes back on a new connection; the stopped one does not
      await waitFor(async () => {
        const after = await listeners();
        return after.length === 1 && !before.includes(after[0]!);
      }, "the server's listener back on a new connection", 5000);
      expect(uncaught).toEqual([]);
    } finally {
      process.off("uncaughtException", onUncaught);
      await server.close();
    }
  });
});
