import { and, eq, inArray } from "drizzle-orm";
import { auditEvents, hotlineTickets, riskAlerts, staffLeave, staffPresence } from "../db/schema";
import { nextCallerClaimer } from "./nextCallerClaimer";
import { ticketCanceller } from "./ticketCanceller";
import { hotlineJoiner } from "./hotlineJoiner";
import { systemOrigin } from "../audit/recordAudit";
import { AppError } from "../http/errors";
import { createTestApp, type TestApp } from "../../../tests/support/testApp";
import { buildCaller, buildOnDutyCounsellors, buildWaitingTickets, rosterShiftAround } from "../../../tests/support/hotlineFixtures";

/**
 * Claims under contention. PGlite has one connection and serialises transactions, which hides race
 * bugs; these tests matter on PostgreSQL (XINYUAN_TEST_DB=postgres, a 30-connection pool).
 */
describe("hotline claims under contention", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());
  const now = () => t.clock.now();
  const counsellors = (count: number) => buildOnDutyCounsellors(t.db, count, now());
  const tickets = (count: number) => buildWaitingTickets(t.db, count, new Date(now().getTime() - 3600_000));
  const outcome = async <T>(work: Promise<T>): Promise<T | string> => {
    try {
      return await work;
    } catch (error) {
      if (error instanceof AppError) return error.code;
      throw error;
    }
  };

  it("gives 150 callers to 200 counsellors claiming at once: each caller to exactly one counsellor", async () => {
    const waiting = await tickets(150);
    const staffIds = await counsellors(200);
    const results = await Promise.all(staffIds.map((staffId) => outcome(nextCallerClaimer({ services: t.services, staffId, origin: systemOrigin }))));
    const claimed = results.filter((result): result is Exclude<typeof result, string> => typeof result !== "string");
    const refusals = results.filter((result): result is string => typeof result === "string");
    expect(claimed).toHaveLength(150);
    expect(new Set(claimed.map((row) => row.id)).size).toBe(150);
    expect(new Set(claimed.map((row) => row.claimedBy)).size).toBe(150);
    expect(refusals.every((code) => code === "HOTLINE_QUEUE_EMPTY")).toBe(true);
    const rows = await t.db.select().from(hotlineTickets).where(inArray(hotlineTickets.id, waiting.map((row) => row.id)));
    expect(rows.every((row) => row.status === "claimed")).toBe(true);
    expect(new Set(claimed.map((row) => row.id))).toEqual(new Set(waiting.map((row) => row.id)));
    expect(new Set(rows.map((row) => row.claimedBy)).size).toBe(150);
    await t.db.update(hotlineTickets).set({ status: "completed" }).where(inArray(hotlineTickets.id, waiting.map((row) => row.id)));
  });

  it("never lets one counsellor hold two calls, even when they click twice at once", async () => {
    await tickets(10);
    const [staffId] = await counsellors(1);
    const results = await Promise.all(Array.from({ length: 8 }, () => outcome(nextCallerClaimer({ services: t.services, staffId: staffId!, origin: systemOrigin }))));
    expect(results.filter((result) => typeof result !== "string")).toHaveLength(1);
    expect(results.filter((result) => result === "HOTLINE_ALREADY_ON_CALL")).toHaveLength(7);
    await t.db.update(hotlineTickets).set({ status: "completed" }).where(inArray(hotlineTickets.status, ["waiting", "claimed"]));
  });

  it("in one wave, refuses the off-duty, the on-leave and the one already on a call, and gives callers only to the rest", async () => {
    const waiting = await tickets(10);
    const [offDuty, onLeave, onCall, ...ready] = await counsellors(6);
    await t.db.update(staffPresence).set({ onDuty: false }).where(eq(staffPresence.staffId, offDuty!));
    await t.db.insert(staffLeave).values({ staffId: onLeave!, startsAt: new Date(now().getTime() - 3600_000), endsAt: new Date(now().getTime() + 3600_000) });
    const held = await nextCallerClaimer({ services: t.services, staffId: onCall!, origin: systemOrigin });
    const all = [offDuty!, onLeave!, onCall!, ...ready];
    const results = await Promise.all(all.map((staffId) => outcome(nextCallerClaimer({ services: t.services, staffId, origin: systemOrigin }))));
    expect(results.slice(0, 3)).toEqual(["HOTLINE_NOT_ON_DUTY", "HOTLINE_STAFF_ON_LEAVE", "HOTLINE_ALREADY_ON_CALL"]);
    const claimed = results.slice(3) as Array<Exclude<(typeof results)[number], string>>;
    expect(claimed.map((row) => row.claimedBy)).toEqual(ready);
    const rows = await t.db.select().from(hotlineTickets).where(inArray(hotlineTickets.id, waiting.map((row) => row.id)));
    expect(rows.filter((row) => row.status === "claimed").map((row) => row.claimedBy).sort()).toEqual([onCall!, ...ready].sort());
    const audited = await t.db.select().from(auditEvents).where(and(eq(auditEvents.action, "hotline.claim"), inArray(auditEvents.targetId, waiting.map((row) => row.id))));
    expect(audited).toHaveLength(4);
    expect(held.claimedBy).toBe(onCall);
    await t.db.update(hotlineTickets).set({ status: "completed" }).where(inArray(hotlineTickets.status, ["waiting", "claimed"]));
  });

  it("resolves cancel against claim safely: a cancelled caller is never left claimed, and claims stay unique", async () => {
    const rows = await tickets(40);
    const staffIds = await counsellors(40);
    const work = rows.flatMap((row, index) => [
      outcome(ticketCanceller({ services: t.services, userId: row.userId!, ticketId: row.id, origin: systemOrigin })),
      outcome(nextCallerClaimer({ services: t.services, staffId: staffIds[index]!, origin: systemOrigin })),
    ]);
    const results = await Promise.all(work);
    const claims = results.filter((result, index) => index % 2 === 1 && typeof result !== "string") as Array<typeof rows[number]>;
    expect(new Set(claims.map((row) => row.id)).size).toBe(claims.length);
    const after = await t.db.select().from(hotlineTickets).where(inArray(hotlineTickets.id, rows.map((row) => row.id)));
    expect(after.every((row) => row.status === "cancelled")).toBe(true);
    for (const claim of claims) {
      const final = after.find((row) => row.id === claim.id)!;
      expect(final.closedAt!.getTime()).toBeGreaterThanOrEqual(claim.claimedAt!.getTime());
    }
    const lateClaim = await outcome(nextCallerClaimer({ services: t.services, staffId: staffIds[0]!, origin: systemOrigin }));
    expect(lateClaim === "HOTLINE_QUEUE_EMPTY" || lateClaim === "HOTLINE_ALREADY_ON_CALL").toBe(true);
  });
});

describe("hotline joins under contention", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ HOTLINE_QUEUE_CAPACITY: "5" });
    const [staffId] = await buildOnDutyCounsellors(t.db, 1, t.clock.now());
    await rosterShiftAround(t.db, staffId!, t.clock.now(), 48);
  });
  afterAll(() => t.close());

  it("never overfills the queue when 30 callers join at once, and still lets a caller who feels unsafe in", async () => {
    const callers = await Promise.all(Array.from({ length: 30 }, () => buildCaller(t.db)));
    const join = (caller: { id: string; alias: string }, feelingUnsafe = false) =>
      hotlineJoiner({
        services: t.services,
        user: { type: "user", id: caller.id, alias: caller.alias, role: "student", ageBand: "14_17", schoolId: null },
        body: { kind: "inbound", feelingUnsafe },
        origin: systemOrigin,
      }).then(
        () => "joined",
        (error: unknown) => (error instanceof AppError ? error.code : Promise.reject(error)),
      );
    const results = await Promise.all(callers.map((caller) => join(caller)));
    expect(results.filter((result) => result === "joined")).toHaveLength(5);
    expect(results.filter((result) => result === "HOTLINE_FULL")).toHaveLength(25);
    const waiting = await t.db.select().from(hotlineTickets).where(inArray(hotlineTickets.status, ["waiting", "claimed"]));
    expect(waiting).toHaveLength(5);
    await expect(join(await buildCaller(t.db), true)).resolves.toBe("joined");
  });

  it("admits joins arriving together in one go: one ticket per caller, each audited, the unsafe caller's alert raised", async () => {
    await t.db.update(hotlineTickets).set({ status: "completed" }).where(inArray(hotlineTickets.status, ["waiting", "claimed"]));
    const [twice, other, unsafe] = await Promise.all([buildCaller(t.db), buildCaller(t.db), buildCaller(t.db)]);
    const join = (caller: { id: string; alias: string }, feelingUnsafe = false) =>
      hotlineJoiner({
        services: t.services,
        user: { type: "user", id: caller.id, alias: caller.alias, role: "student", ageBand: "14_17", schoolId: null },
        body: { kind: "inbound", feelingUnsafe },
        origin: { actorType: "user", actorId: caller.id, ip: null, requestId: null },
      }).then(
        (row) => row.id,
        (error: unknown) => (error instanceof AppError ? error.code : Promise.reject(error)),
      );
    const results = await Promise.all([join(twice!), join(twice!), join(other!), join(twice!), join(unsafe!, true)]);
    expect(results.filter((result) => result === "HOTLINE_ALREADY_WAITING")).toHaveLength(2);
    const ids = results.filter((result) => result !== "HOTLINE_ALREADY_WAITING");
    expect(ids).toHaveLength(3);
    const rows = await t.db.select().from(hotlineTickets).where(inArray(hotlineTickets.id, ids));
    expect(rows.map((row) => row.userId).sort()).toEqual([twice!.id, other!.id, unsafe!.id].sort());
    const audits = await t.db.select().from(auditEvents).where(and(eq(auditEvents.action, "hotline.join"), inArray(auditEvents.targetId, ids)));
    expect(audits.map((row) => `${row.actorId}:${row.targetId}`).sort()).toEqual(rows.map((row) => `${row.userId}:${row.id}`).sort());
    const alerts = await t.db.select().from(riskAlerts).where(inArray(riskAlerts.sourceId, ids));
    expect(alerts.map((alert) => alert.userId)).toEqual([unsafe!.id]);
  });
});
