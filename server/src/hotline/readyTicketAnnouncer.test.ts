import { eq } from "drizzle-orm";
import { hotlineTickets } from "../db/schema";
import { createTestApp, type TestApp } from "../../../tests/support/testApp";
import { buildWaitingTickets } from "../../../tests/support/hotlineFixtures";
import { ticketsBecameReady } from "./readyTicketAnnouncer";

describe("tickets becoming ready (a booked window opens, a retry comes due)", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it("finds a waiting ticket whose ready time passed since the last run, once", async () => {
    const start = t.clock.now();
    const [booked] = await buildWaitingTickets(t.db, 1, start);
    await t.db.update(hotlineTickets).set({ readyAt: new Date(start.getTime() + 10 * 60_000) }).where(eq(hotlineTickets.id, booked!.id));
    expect(await ticketsBecameReady(t.db, start, t.clock.now())).toBe(0);
    t.clock.advance(5 * 60_000);
    const fiveMinutes = t.clock.now();
    expect(await ticketsBecameReady(t.db, start, fiveMinutes)).toBe(0);
    t.clock.advance(6 * 60_000);
    expect(await ticketsBecameReady(t.db, fiveMinutes, t.clock.now())).toBe(1);
    expect(await ticketsBecameReady(t.db, t.clock.now(), new Date(t.clock.now().getTime() + 30_000))).toBe(0);
    await t.db.update(hotlineTickets).set({ status: "cancelled" }).where(eq(hotlineTickets.id, booked!.id));
    expect(await ticketsBecameReady(t.db, fiveMinutes, t.clock.now())).toBe(0);
  });
});
