import { eq } from "drizzle-orm";
import type { CallerTicketView, PublicConfigView } from "@xinyuan/shared";
import { riskAlerts } from "../db/schema";
import { createTestApp, type TestApp } from "../../../tests/support/testApp";
import { signInConsentedUser } from "../../../tests/support/userSession";
import { buildHotlineCounsellor, putOnHotlineDuty, rosterShiftAround } from "../../../tests/support/hotlineFixtures";
import { buildStaff } from "../../../tests/support/factories";
import { countyClockOf } from "./countyTime";

/** Call-back topics go through the risk detector when the ticket is made; "I am not safe" is an alert too. */
describe("hotline risk alerts", () => {
  let t: TestApp;
  beforeAll(async () => {
    // around the clock, so call-back windows exist whatever the hour this runs at
    t = await createTestApp({ HOTLINE_SERVICE_HOURS: "00:00-24:00" });
    const counsellor = await buildHotlineCounsellor(t.db, t.clock.now());
    await rosterShiftAround(t.db, counsellor.id, t.clock.now(), 24);
  });
  afterAll(() => t.close());
  const inMinutes = (minutes: number) => new Date(t.clock.now().getTime() + minutes * 60_000).toISOString();
  const join = async (body: Record<string, unknown>) => {
    const user = await signInConsentedUser(t);
    const ticket = (await t.request.post("/api/v1/hotline/tickets").set(user.auth).send(body).expect(201)).body as CallerTicketView;
    return { user, ticket, alerts: await t.db.select().from(riskAlerts).where(eq(riskAlerts.sourceId, ticket.id)) };
  };

  it("raises an alert for a call-back topic with risk words, with the alias and never the topic", async () => {
    const { user, ticket, alerts } = await join({ kind: "callback", phone: "13900002222", window: { start: inMinutes(0), end: inMinutes(120) }, topic: "我最近总是想死" });
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ sourceKind: "hotline", sourceId: ticket.id, level: "high", categories: ["suicide"], subjectAlias: user.me.alias, state: "new" });
    expect(JSON.stringify(alerts[0])).not.toContain("想死");
  });

  it("raises an alert when the caller switches on 我现在觉得自己不太安全, even with no words", async () => {
    const { alerts } = await join({ kind: "inbound", feelingUnsafe: true });
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ sourceKind: "hotline", level: "high", categories: [] });
  });

  it("raises nothing for an ordinary topic", async () => {
    const { alerts } = await join({ kind: "callback", phone: "13900003333", window: { start: inMinutes(0), end: inMinutes(120) }, topic: "考试压力有点大" });
    expect(alerts).toHaveLength(0);
  });
});

/** The unsafe caller with nobody on duty: an alert at once, and no position, estimate or window promised. */
describe("hotline honest promises with nobody on duty", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ HOTLINE_SERVICE_HOURS: "08:00-22:00" });
  });
  afterAll(() => t.close());

  it("refuses to queue an unsafe caller while the line is closed, but raises an alert that says nobody is on duty", async () => {
    expect(((await t.request.get("/api/v1/public/config").expect(200)).body as PublicConfigView).hotline.openNow).toBe(false);
    const user = await signInConsentedUser(t);
    const refused = await t.request.post("/api/v1/hotline/tickets").set(user.auth).send({ kind: "inbound", feelingUnsafe: true }).expect(409);
    expect(refused.body.error).toMatchObject({ code: "HOTLINE_CLOSED", details: { alertRaised: true } });
    const alerts = await t.db.select().from(riskAlerts).where(eq(riskAlerts.userId, user.me.id));
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ sourceKind: "hotline", level: "high", nobodyOnDuty: true, subjectAlias: user.me.alias });
    expect(alerts[0]!.escalateAt.getTime()).toBeLessThanOrEqual(t.clock.now().getTime());
    // pressing again the same day is the same alert
    await t.request.post("/api/v1/hotline/tickets").set(user.auth).send({ kind: "inbound", feelingUnsafe: true }).expect(409);
    expect(await t.db.select().from(riskAlerts).where(eq(riskAlerts.userId, user.me.id))).toHaveLength(1);
  });

  it("gives a caller no place in line and no estimate while the rostered counsellor is not on duty, and alerts", async () => {
    const rostered = await buildStaff(t.db, { roles: ["counsellor"], scope: "county" });
    await rosterShiftAround(t.db, rostered.id, t.clock.now(), 4);
    const user = await signInConsentedUser(t);
    const ticket = (await t.request.post("/api/v1/hotline/tickets").set(user.auth).send({ kind: "inbound", feelingUnsafe: true }).expect(201)).body as CallerTicketView;
    expect(ticket).toMatchObject({ status: "waiting", position: null, estimateMinutes: null, nobodyOnDuty: true });
    const current = (await t.request.get("/api/v1/hotline/tickets/current").set(user.auth).expect(200)).body.ticket as CallerTicketView;
    expect(current).toMatchObject({ position: null, nobodyOnDuty: true });
    const [alert] = await t.db.select().from(riskAlerts).where(eq(riskAlerts.sourceId, ticket.id));
    expect(alert).toMatchObject({ nobodyOnDuty: true, level: "high" });

    expect(((await t.request.get("/api/v1/public/config").expect(200)).body as PublicConfigView).hotline.openNow).toBe(false);
    // once a counsellor is on duty, the place in line is real again
    await putOnHotlineDuty(t.db, rostered.id, t.clock.now());
    expect(((await t.request.get("/api/v1/public/config").expect(200)).body as PublicConfigView).hotline.openNow).toBe(true);
    const later = (await t.request.get("/api/v1/hotline/tickets/current").set(user.auth).expect(200)).body.ticket as CallerTicketView;
    expect(later).toMatchObject({ position: 1, nobodyOnDuty: false });
  });

  it("offers call-back windows only inside the service hours, even around the clock on the roster", async () => {
    const nightOwl = await buildStaff(t.db, { roles: ["counsellor"], scope: "county" });
    await rosterShiftAround(t.db, nightOwl.id, t.clock.now(), 72);
    const status = (await t.request.get("/api/v1/hotline/status").expect(200)).body as { callbackWindows: Array<{ start: string; end: string }> };
    expect(status.callbackWindows.length).toBeGreaterThan(0);
    for (const window of status.callbackWindows) {
      const start = countyClockOf(new Date(window.start));
      const end = countyClockOf(new Date(window.end));
      expect(start >= "08:00" && start < "22:00").toBe(true);
      expect(end > "08:00" && end <= "22:00").toBe(true);
    }
  });
});
