import { eq } from "drizzle-orm";
import type { CallerTicketView, ContactRecordView, HotlineBoardView, HotlineCallView } from "@xinyuan/shared";
import { contactCategories, hotlineTickets } from "../db/schema";
import { contactTaxonomySeeder } from "../contacts/contactTaxonomySeeder";
import { staleClaimReturner } from "./staleClaimReturner";
import { missedWindowMarker } from "./missedWindowMarker";
import { createTestApp, type TestApp } from "../../../tests/support/testApp";
import { addDays, countyDateOf, countyInstant } from "./countyTime";
import { buildStaff } from "../../../tests/support/factories";
import { signInConsentedUser, type SignedInUser } from "../../../tests/support/userSession";
import { buildHotlineCounsellor, putOnHotlineDuty, rosterShiftAround, staffAuth } from "../../../tests/support/hotlineFixtures";

describe("hotline call lifecycle", () => {
  let t: TestApp;
  let counsellor: Awaited<ReturnType<typeof buildHotlineCounsellor>>;
  beforeAll(async () => {
    t = await createTestApp({ HOTLINE_SERVICE_HOURS: "00:00-24:00", HOTLINE_MAX_ATTEMPTS: "2", HOTLINE_RETRY_MINUTES: "10", HOTLINE_STALE_CLAIM_MINUTES: "3", STAFF_IDLE_MINUTES: "600" });
    await contactTaxonomySeeder(t.db);
    // The board counts "today" in county time and these tests move the clock on by about an hour: late
    // in the county evening, start just after the next county midnight so no run crosses one (a jump of
    // at most ~4 h keeps the real-time test sessions valid).
    const nextMidnight = countyInstant(addDays(countyDateOf(t.clock.now()), 1), "00:05");
    if (nextMidnight.getTime() - t.clock.now().getTime() < 4 * 3600_000) t.clock.advance(nextMidnight.getTime() - t.clock.now().getTime());
    counsellor = await buildHotlineCounsellor(t.db, t.clock.now());
    await rosterShiftAround(t.db, counsellor.id, t.clock.now(), 72);
  });
  afterAll(() => t.close());
  const now = () => t.clock.now();
  const inMinutes = (minutes: number) => new Date(now().getTime() + minutes * 60_000).toISOString();
  /** Moving the clock makes every connection stale; re-register the ones that should stay. */
  const advance = async (ms: number, stayConnected: Array<{ id: string }> = [counsellor]) => {
    t.clock.advance(ms);
    for (const member of stayConnected) await putOnHotlineDuty(t.db, member.id, now());
  };
  const joinCallback = async (user: SignedInUser, notify: boolean, windowMinutes = 120) =>
    (
      await t.request
        .post("/api/v1/hotline/tickets")
        .set(user.auth)
        .send({
          kind: "callback",
          phone: "13900001111",
          window: { start: inMinutes(0), end: inMinutes(windowMinutes) },
          ...(notify ? { notify: { code: t.wechat.issueCode(user.openid), templates: ["call_soon", "missed"] } } : {}),
        })
        .expect(201)
    ).body as CallerTicketView;
  const takeNext = async (member = counsellor) => (await t.request.post("/api/v1/hotline/calls/next").set(member.auth).expect(200)).body as HotlineCallView;
  const sentTo = (openid: string) => t.wechat.sentMessages.filter((message) => message.touser === openid);
  const rowOf = async (id: string) => (await t.db.select().from(hotlineTickets).where(eq(hotlineTickets.id, id)))[0]!;

  it("retries after no answer (keeping the caller's place), then marks missed after N attempts and tells the caller once", async () => {
    const user = await signInConsentedUser(t);
    const ticket = await joinCallback(user, true);
    expect(ticket.notifyTemplates).toEqual(["call_soon", "missed"]);
    expect((await rowOf(ticket.id)).notifyOpenidEnc).not.toContain(user.openid);

    await takeNext();
    expect(sentTo(user.openid).map((message) => message.template_id)).toEqual([t.services.config.hotline.templates.callSoon]);
    const first = await t.request.post(`/api/v1/hotline/calls/${ticket.id}/attempts`).set(counsellor.auth).send({ result: "no_answer" }).expect(200);
    expect(first.body).toMatchObject({ status: "waiting", attempts: 1, scheduledFor: expect.any(String), position: null });
    expect((await t.request.post("/api/v1/hotline/calls/next").set(counsellor.auth).expect(404)).body.error.code).toBe("HOTLINE_QUEUE_EMPTY");

    await advance(11 * 60_000);
    const again = await takeNext();
    expect(again).toMatchObject({ id: ticket.id, attempts: 1 });
    const second = await t.request.post(`/api/v1/hotline/calls/${ticket.id}/attempts`).set(counsellor.auth).send({ result: "no_answer" }).expect(200);
    expect(second.body).toMatchObject({ status: "missed", attempts: 2 });
    const row = await rowOf(ticket.id);
    expect(row).toMatchObject({ phoneEnc: null, notifyOpenidEnc: null, topicEnc: null });
    const messages = sentTo(user.openid);
    expect(messages.map((message) => message.template_id)).toEqual([t.services.config.hotline.templates.callSoon, t.services.config.hotline.templates.missed]);
    expect(messages[1]!.page).toContain(ticket.id);
    const seen = (await t.request.get("/api/v1/hotline/tickets/current").set(user.auth).expect(200)).body.ticket as CallerTicketView;
    expect(seen).toMatchObject({ status: "missed", notifyTemplates: [] });
  });

  it("ends a call-back with a wrong number, and the caller may join again", async () => {
    const user = await signInConsentedUser(t);
    const ticket = await joinCallback(user, false);
    await takeNext();
    const ended = await t.request.post(`/api/v1/hotline/calls/${ticket.id}/attempts`).set(counsellor.auth).send({ result: "wrong_number" }).expect(200);
    expect(ended.body.status).toBe("invalid");
    await joinCallback(user, false);
    await t.db.update(hotlineTickets).set({ status: "cancelled" }).where(eq(hotlineTickets.userId, user.me.id));
  });

  it("marks a call-back missed when its window passes unanswered, and sends the subscribe message only if opted in", async () => {
    const optedIn = await signInConsentedUser(t);
    const silent = await signInConsentedUser(t);
    const notified = await joinCallback(optedIn, true, 40);
    const quiet = await joinCallback(silent, false, 40);
    expect(await missedWindowMarker(t.services)).toBe(0);
    await advance(41 * 60_000);
    expect(await missedWindowMarker(t.services)).toBe(2);
    for (const id of [notified.id, quiet.id]) expect(await rowOf(id)).toMatchObject({ status: "missed", phoneEnc: null, notifyOpenidEnc: null });
    expect(sentTo(optedIn.openid)).toHaveLength(1);
    expect(sentTo(optedIn.openid)[0]).toMatchObject({ template_id: t.services.config.hotline.templates.missed, page: `packages/hotline/index?ticket=${notified.id}` });
    expect(sentTo(silent.openid)).toHaveLength(0);
    expect(await missedWindowMarker(t.services)).toBe(0);
  });

  it("refuses a reminder code that belongs to someone else", async () => {
    const user = await signInConsentedUser(t);
    const response = await t.request
      .post("/api/v1/hotline/tickets")
      .set(user.auth)
      .send({ kind: "inbound", notify: { code: t.wechat.issueCode("o-someone-else"), templates: ["missed"] } })
      .expect(400);
    expect(response.body.error.code).toBe("HOTLINE_NOTIFY_FAILED");
    expect(await t.db.select().from(hotlineTickets).where(eq(hotlineTickets.userId, user.me.id))).toHaveLength(0);
  });

  it("returns a claim to the queue when its counsellor has been gone for N minutes, keeping the caller's place", async () => {
    const [early, late] = [await signInConsentedUser(t), await signInConsentedUser(t)];
    const first = (await t.request.post("/api/v1/hotline/tickets").set(early.auth).send({ kind: "inbound" }).expect(201)).body as CallerTicketView;
    t.clock.advance(1000);
    await t.request.post("/api/v1/hotline/tickets").set(late.auth).send({ kind: "inbound" }).expect(201);
    const leaver = await buildHotlineCounsellor(t.db, now());
    expect((await takeNext(leaver)).id).toBe(first.id);

    await advance(60_000);
    expect(await staleClaimReturner(t.services)).toBe(0);
    await advance(3 * 60_000);
    expect(await staleClaimReturner(t.services)).toBe(1);
    expect(await rowOf(first.id)).toMatchObject({ status: "waiting", claimedBy: null });
    const view = (await t.request.get(`/api/v1/hotline/tickets/${first.id}`).set(early.auth).expect(200)).body as CallerTicketView;
    expect(view.position).toBe(1);

    const stays = await takeNext();
    expect(stays.id).toBe(first.id);
    await advance(5 * 60_000);
    expect(await staleClaimReturner(t.services)).toBe(0);
    await t.request.post(`/api/v1/hotline/calls/${first.id}/release`).set(counsellor.auth).expect(200);
    await t.db.update(hotlineTickets).set({ status: "cancelled" }).where(eq(hotlineTickets.status, "waiting"));
  });

  it("records the outcome as a contact record, and shows it as history on the same alias's next call", async () => {
    const user = await signInConsentedUser(t);
    const ticket = await joinCallback(user, false);
    await takeNext();
    const category = (await t.db.select().from(contactCategories).where(eq(contactCategories.code, "education.study_pressure")))[0]!;
    const outcome = await t.request
      .post(`/api/v1/hotline/calls/${ticket.id}/outcome`)
      .set(counsellor.auth)
      .send({ categoryIds: [category.id], riskLevel: "low", durationMinutes: 18, summary: "聊了期中考试的压力，约定下周再联系。", followUpNeeded: true, actions: ["direct_support"] })
      .expect(200);
    expect(outcome.body.ticket).toMatchObject({ status: "completed" });
    expect(await rowOf(ticket.id)).toMatchObject({ status: "completed", phoneEnc: null, contactRecordId: outcome.body.contactRecordId });
    const done = (await t.request.get("/api/v1/hotline/tickets/current").set(user.auth).expect(200)).body.ticket as CallerTicketView;
    expect(done.status).toBe("completed");

    const next = (await t.request.post("/api/v1/hotline/tickets").set(user.auth).send({ kind: "inbound" }).expect(201)).body as CallerTicketView;
    const call = await takeNext();
    expect(call).toMatchObject({ id: next.id, earlierContacts: 1 });
    const history = (await t.request.get(`/api/v1/hotline/calls/${next.id}/history`).set(counsellor.auth).expect(200)).body as ContactRecordView[];
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ channel: "callback", summary: "聊了期中考试的压力，约定下周再联系。", riskLevel: "low", durationMinutes: 18 });
    const stranger = await buildHotlineCounsellor(t.db, now());
    await t.request.get(`/api/v1/hotline/calls/${next.id}/history`).set(stranger.auth).expect(403);
    await t.request.post(`/api/v1/hotline/calls/${next.id}/release`).set(counsellor.auth).expect(200);
    await t.request.post(`/api/v1/hotline/tickets/${next.id}/cancel`).set(user.auth).expect(200);
  });

  it("logs an inbound call without a ticket", async () => {
    const category = (await t.db.select().from(contactCategories).where(eq(contactCategories.code, "non_counselling.silent")))[0]!;
    const logged = await t.request.post("/api/v1/hotline/inbound-calls").set(counsellor.auth).send({ categoryIds: [category.id], riskLevel: "none", durationMinutes: 1 }).expect(201);
    expect(logged.body.contactRecordId).toEqual(expect.any(String));
  });

  it("lets the caller cancel while claimed, which ends the counsellor's call too", async () => {
    const user = await signInConsentedUser(t);
    const ticket = (await t.request.post("/api/v1/hotline/tickets").set(user.auth).send({ kind: "inbound" }).expect(201)).body as CallerTicketView;
    await takeNext();
    const cancelled = await t.request.post(`/api/v1/hotline/tickets/${ticket.id}/cancel`).set(user.auth).expect(200);
    expect(cancelled.body.status).toBe("cancelled");
    await t.request.post(`/api/v1/hotline/tickets/${ticket.id}/cancel`).set(user.auth).expect(200);
    expect((await t.request.post(`/api/v1/hotline/calls/${ticket.id}/attempts`).set(counsellor.auth).send({ result: "no_answer" }).expect(409)).body.error.code).toBe("HOTLINE_CALL_STATE");
    expect((await t.request.get("/api/v1/hotline/calls/mine").set(counsellor.auth).expect(200)).body.call).toBeNull();
  });

  it("shows supervisors the live board", async () => {
    const supervisor = await buildStaff(t.db, { roles: ["supervisor"], scope: "county" });
    const waiting = await signInConsentedUser(t);
    await t.request.post("/api/v1/hotline/tickets").set(waiting.auth).send({ kind: "inbound" }).expect(201);
    await advance(2 * 60_000);
    const board = (await t.request.get("/api/v1/hotline/board").set(await staffAuth(t.db, supervisor)).expect(200)).body as HotlineBoardView;
    expect(board).toMatchObject({ open: true, waiting: 1, longestWaitMinutes: 2 });
    expect(board.today.served).toBeGreaterThanOrEqual(1);
    expect(board.today.missed).toBeGreaterThanOrEqual(3);
    expect(board.today.abandoned).toBeGreaterThanOrEqual(1);
    expect(board.today.serviceLevel).toEqual(expect.any(Number));
    expect(board.counsellors.find((member) => member.staffId === counsellor.id)).toMatchObject({ state: "available", onShift: true });
    // The mean length of the calls really completed, not the estimate's 15-minute stand-in.
    const completed = (await t.db.select().from(hotlineTickets).where(eq(hotlineTickets.status, "completed"))).filter((row) => row.claimedAt && row.closedAt);
    const meanMinutes = completed.reduce((sum, row) => sum + (row.closedAt!.getTime() - row.claimedAt!.getTime()) / 60_000, 0) / completed.length;
    expect(board.handleTime).toEqual({ calls: completed.length, minutes: Math.max(1, Math.round(meanMinutes)) });
    expect(board.handleTime.minutes).toBeLessThan(15);
    await t.request.get("/api/v1/hotline/board").set(counsellor.auth).expect(403);
  });
});
