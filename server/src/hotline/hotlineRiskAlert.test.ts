import { eq } from "drizzle-orm";
import type { CallerTicketView } from "@xinyuan/shared";
import { riskAlerts } from "../db/schema";
import { createTestApp, type TestApp } from "../../../tests/support/testApp";
import { signInConsentedUser } from "../../../tests/support/userSession";
import { buildHotlineCounsellor, rosterShiftAround } from "../../../tests/support/hotlineFixtures";

/** Call-back topics go through the risk detector when the ticket is made; "I am not safe" is an alert too. */
describe("hotline risk alerts", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
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
