import { and, eq, inArray } from "drizzle-orm";
import type { CallerTicketView, HotlineCallView, HotlineQueueView } from "@xinyuan/shared";
import { auditEvents, hotlineTickets } from "../../../db/schema";
import { createTestApp, type TestApp } from "../../../../../tests/support/testApp";
import { buildSchool, buildStaff } from "../../../../../tests/support/factories";
import { signInConsentedUser, signInUser } from "../../../../../tests/support/userSession";
import { buildHotlineCounsellor, rosterShiftAround, staffAuth } from "../../../../../tests/support/hotlineFixtures";

describe("hotline (HTTP)", () => {
  let t: TestApp;
  let rostered: Awaited<ReturnType<typeof buildHotlineCounsellor>>;
  beforeAll(async () => {
    t = await createTestApp();
    rostered = await buildHotlineCounsellor(t.db, t.clock.now());
    await rosterShiftAround(t.db, rostered.id, t.clock.now(), 48);
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    await t.db.update(hotlineTickets).set({ status: "cancelled", closedAt: t.clock.now() }).where(inArray(hotlineTickets.status, ["waiting", "claimed"]));
  });
  const now = () => t.clock.now();
  const inMinutes = (minutes: number) => new Date(now().getTime() + minutes * 60_000).toISOString();
  const callbackBody = (extra: Record<string, unknown> = {}) => ({ kind: "callback", phone: "13812345678", window: { start: inMinutes(0), end: inMinutes(120) }, topic: "考试压力很大", ...extra });
  const join = async (user: { auth: { Authorization: string } }, body: Record<string, unknown> = { kind: "inbound" }) =>
    (await t.request.post("/api/v1/hotline/tickets").set(user.auth).send(body).expect(201)).body as CallerTicketView;

  describe("hotline.join", () => {
    it("asks for counselling consent first", async () => {
      const user = await signInUser(t);
      const response = await t.request.post("/api/v1/hotline/tickets").set(user.auth).send({ kind: "inbound" }).expect(403);
      expect(response.body.error.code).toBe("CONSENT_REQUIRED");
    });

    it("gives a ticket number, a position and an estimate, and refuses a second ticket kindly", async () => {
      const user = await signInConsentedUser(t);
      const ticket = await join(user);
      expect(ticket).toMatchObject({ kind: "inbound", status: "waiting", position: 1, hotlineNumber: t.services.config.county.hotlineNumber });
      expect(ticket.number).toBeGreaterThan(0);
      expect(ticket.estimateMinutes).toBe(1);
      const again = await t.request.post("/api/v1/hotline/tickets").set(user.auth).send({ kind: "inbound" }).expect(409);
      expect(again.body.error).toMatchObject({ code: "HOTLINE_ALREADY_WAITING", message: expect.stringContaining("排队") });
      const current = await t.request.get("/api/v1/hotline/tickets/current").set(user.auth).expect(200);
      expect(current.body.ticket).toMatchObject({ id: ticket.id, position: 1 });
    });

    it("encrypts the call-back number and needs a number and a window", async () => {
      const user = await signInConsentedUser(t);
      const missing = await t.request.post("/api/v1/hotline/tickets").set(user.auth).send({ kind: "callback" }).expect(400);
      expect(missing.body.error.code).toBe("VALIDATION_FAILED");
      const endless = await t.request.post("/api/v1/hotline/tickets").set(user.auth).send(callbackBody({ window: { start: inMinutes(0), end: inMinutes(24 * 60) } })).expect(400);
      expect(endless.body.error.code).toBe("HOTLINE_WINDOW_INVALID");
      const ticket = await join(user, callbackBody());
      const [row] = await t.db.select().from(hotlineTickets).where(eq(hotlineTickets.id, ticket.id));
      expect(row!.phoneEnc).not.toContain("13812345678");
      expect(row!.topicEnc).not.toContain("考试");
      expect(JSON.stringify(ticket)).not.toContain("13812345678");
    });
  });

  describe("hotline queue order", () => {
    it("serves first come first served, but a caller who feels unsafe goes first", async () => {
      const [first, second, unsafe] = [await signInConsentedUser(t), await signInConsentedUser(t), await signInConsentedUser(t)];
      const a = await join(first);
      t.clock.advance(1000);
      const b = await join(second);
      t.clock.advance(1000);
      const c = await join(unsafe, { kind: "inbound", feelingUnsafe: true });
      expect(c.position).toBe(1);
      const queue = (await t.request.get("/api/v1/hotline/queue").set(rostered.auth).expect(200)).body as HotlineQueueView;
      expect(queue.waiting.map((entry) => entry.id)).toEqual([c.id, a.id, b.id]);
      expect(queue.waiting[0]).toMatchObject({ priority: "urgent", alias: unsafe.me.alias });
      expect(JSON.stringify(queue)).not.toMatch(/phone|openid/i);

      const counsellor = await buildHotlineCounsellor(t.db, now());
      const taken: string[] = [];
      for (const member of [rostered, counsellor]) taken.push(((await t.request.post("/api/v1/hotline/calls/next").set(member.auth).expect(200)).body as HotlineCallView).id);
      expect(taken).toEqual([c.id, a.id]);
      const mine = await t.request.get(`/api/v1/hotline/tickets/${b.id}`).set(second.auth).expect(200);
      expect(mine.body.position).toBe(1);

      const busy = await t.request.post("/api/v1/hotline/calls/next").set(rostered.auth).expect(409);
      expect(busy.body.error.code).toBe("HOTLINE_ALREADY_ON_CALL");
      await t.request.post(`/api/v1/hotline/calls/${c.id}/release`).set(rostered.auth).expect(200);
      const afterRelease = (await t.request.get("/api/v1/hotline/queue").set(rostered.auth).expect(200)).body as HotlineQueueView;
      expect(afterRelease.waiting.map((entry) => entry.id)).toEqual([c.id, b.id]);
    });

    it("lets a counsellor take the caller who quotes their ticket number on the phone", async () => {
      const [early, late] = [await signInConsentedUser(t), await signInConsentedUser(t)];
      await join(early);
      const quoted = await join(late);
      const call = await t.request.post("/api/v1/hotline/calls/by-number").set(rostered.auth).send({ number: quoted.number }).expect(200);
      expect(call.body).toMatchObject({ id: quoted.id, status: "claimed", alias: late.me.alias });
    });

    it("does not hand out a call-back whose window has already closed", async () => {
      const caller = await signInConsentedUser(t);
      const lapsed = await join(caller, callbackBody());
      await t.db.update(hotlineTickets).set({ windowEnd: new Date(now().getTime() - 1000) }).where(eq(hotlineTickets.id, lapsed.id));
      const empty = await t.request.post("/api/v1/hotline/calls/next").set(rostered.auth).expect(404);
      expect(empty.body.error.code).toBe("HOTLINE_QUEUE_EMPTY");
    });

    it("refuses to claim a call-back ticket by its number, and changes nothing", async () => {
      const caller = await signInConsentedUser(t);
      const booked = await join(caller, callbackBody({ window: { start: inMinutes(24 * 60), end: inMinutes(25 * 60) } }));
      const refused = await t.request.post("/api/v1/hotline/calls/by-number").set(rostered.auth).send({ number: booked.number }).expect(409);
      expect(refused.body.error).toMatchObject({ code: "HOTLINE_NUMBER_NOT_INBOUND", message: expect.stringContaining("预约回拨") });
      const [row] = await t.db.select().from(hotlineTickets).where(eq(hotlineTickets.id, booked.id));
      expect(row).toMatchObject({ status: "waiting", claimedBy: null });
    });
  });

  describe("hotline.revealPhone", () => {
    it("shows the number to the claimant only, and audits every reveal", async () => {
      const user = await signInConsentedUser(t);
      const ticket = await join(user, callbackBody());
      const call = (await t.request.post("/api/v1/hotline/calls/next").set(rostered.auth).expect(200)).body as HotlineCallView;
      expect(call).toMatchObject({ id: ticket.id, topic: "考试压力很大", maskedPhone: "138****5678", hasPhone: true });
      const revealed = await t.request.post(`/api/v1/hotline/calls/${ticket.id}/phone`).set(rostered.auth).expect(200);
      expect(revealed.body).toEqual({ phone: "13812345678" });
      const audits = await t.db.select().from(auditEvents).where(and(eq(auditEvents.action, "callback.phone.reveal"), eq(auditEvents.targetId, ticket.id)));
      expect(audits).toHaveLength(1);
      expect(audits[0]).toMatchObject({ actorId: rostered.id, actorType: "staff" });

      const colleague = await buildHotlineCounsellor(t.db, now());
      const refused = await t.request.post(`/api/v1/hotline/calls/${ticket.id}/phone`).set(colleague.auth).expect(403);
      expect(refused.body.error.code).toBe("HOTLINE_NOT_CLAIMANT");
      const supervisor = await buildStaff(t.db, { roles: ["supervisor"], scope: "county" });
      const supervisorView = await t.request.get(`/api/v1/hotline/calls/${ticket.id}`).set(await staffAuth(t.db, supervisor)).expect(200);
      expect(supervisorView.body).toMatchObject({ maskedPhone: null, topic: null });
      await t.request.post(`/api/v1/hotline/calls/${ticket.id}/phone`).set(await staffAuth(t.db, supervisor)).expect(403);
      const otherSchool = await buildStaff(t.db, { roles: ["counsellor"], scope: "school" });
      await t.request.post(`/api/v1/hotline/calls/${ticket.id}/phone`).set(await staffAuth(t.db, otherSchool)).expect(404);
      await t.request.post(`/api/v1/hotline/calls/${ticket.id}/phone`).set(user.auth).expect(403);
      expect(await t.db.select().from(auditEvents).where(and(eq(auditEvents.action, "callback.phone.reveal"), eq(auditEvents.targetId, ticket.id)))).toHaveLength(1);
    });
  });

  describe("hotline authorization", () => {
    it("refuses outsiders, other-school and area counsellors, and other callers", async () => {
      const school = await buildSchool(t.db);
      const schoolCounsellor = await buildStaff(t.db, { roles: ["counsellor"], scope: "school", schoolId: school.id, areaId: school.areaId });
      const areaCounsellor = await buildStaff(t.db, { roles: ["counsellor"], scope: "area", areaId: school.areaId });
      const editor = await buildStaff(t.db, { roles: ["editor"], scope: "county" });
      const student = await signInConsentedUser(t, { schoolId: school.id });
      const ticket = await join(student);

      for (const member of [schoolCounsellor, areaCounsellor, editor]) {
        const auth = await staffAuth(t.db, member);
        expect((await t.request.get("/api/v1/hotline/queue").set(auth).expect(403)).body.error.code).toBe("FORBIDDEN");
        await t.request.post("/api/v1/hotline/calls/next").set(auth).expect(403);
        // A role that never works the hotline is stopped at the door (403 for any id, so nothing leaks);
        // counsellors outside the county scope do not learn the call exists (404).
        await t.request.get(`/api/v1/hotline/calls/${ticket.id}`).set(auth).expect(member === editor ? 403 : 404);
        await t.request.get("/api/v1/hotline/board").set(auth).expect(403);
      }
      await t.request.get("/api/v1/hotline/queue").expect(401);
      await t.request.get("/api/v1/hotline/queue").set(student.auth).expect(403);
      const stranger = await signInConsentedUser(t);
      await t.request.get(`/api/v1/hotline/tickets/${ticket.id}`).set(stranger.auth).expect(404);
      await t.request.post(`/api/v1/hotline/tickets/${ticket.id}/cancel`).set(stranger.auth).expect(404);
      await t.request.post("/api/v1/hotline/tickets").set(rostered.auth).send({ kind: "inbound" }).expect(403);
      const [row] = await t.db.select().from(hotlineTickets).where(eq(hotlineTickets.id, ticket.id));
      expect(row!.status).toBe("waiting");
    });

    it("never routes callers to a counsellor on leave or off duty", async () => {
      const onLeave = await buildHotlineCounsellor(t.db, now());
      const admin = await buildStaff(t.db, { roles: ["centre_admin"], scope: "county" });
      await t.request
        .post("/api/v1/hotline/roster/leave")
        .set(await staffAuth(t.db, admin))
        .send({ staffId: onLeave.id, startsAt: inMinutes(-60), endsAt: inMinutes(600) })
        .expect(201);
      await join(await signInConsentedUser(t));
      expect((await t.request.post("/api/v1/hotline/calls/next").set(onLeave.auth).expect(403)).body.error.code).toBe("HOTLINE_STAFF_ON_LEAVE");
      const offDuty = await buildStaff(t.db, { roles: ["counsellor"], scope: "county" });
      expect((await t.request.post("/api/v1/hotline/calls/next").set(await staffAuth(t.db, offDuty)).expect(403)).body.error.code).toBe("HOTLINE_NOT_ON_DUTY");
      const call = (await t.request.post("/api/v1/hotline/calls/next").set(rostered.auth).expect(200)).body as HotlineCallView;
      const transfer = await t.request.post(`/api/v1/hotline/calls/${call.id}/transfer`).set(rostered.auth).send({ toStaffId: onLeave.id }).expect(409);
      expect(transfer.body.error.code).toBe("HOTLINE_TRANSFER_TARGET_UNAVAILABLE");
      const colleague = await buildHotlineCounsellor(t.db, now());
      const [before] = await t.db.select().from(hotlineTickets).where(eq(hotlineTickets.id, call.id));
      t.clock.advance(20_000); // (within presence freshness)
      await t.request.post(`/api/v1/hotline/calls/${call.id}/transfer`).set(rostered.auth).send({ toStaffId: colleague.id }).expect(200);
      // The call goes on: its handle time still counts from the first pick-up (the wait estimate uses it).
      const [after] = await t.db.select().from(hotlineTickets).where(eq(hotlineTickets.id, call.id));
      expect(after!.claimedAt).toEqual(before!.claimedAt);
      expect(after!.claimedBy).toBe(colleague.id);
      const mine = await t.request.get("/api/v1/hotline/calls/mine").set(colleague.auth).expect(200);
      expect(mine.body.call).toMatchObject({ id: call.id, status: "claimed" });
      expect((await t.request.get("/api/v1/hotline/calls/mine").set(rostered.auth).expect(200)).body.call).toBeNull();
    });
  });

  describe("hotline personal data", () => {
    it("exports the caller's tickets, and on account deletion cancels the active one, erases the number and detaches the rest", async () => {
      const user = await signInConsentedUser(t);
      const ticket = await join(user, callbackBody());
      const exported = await t.request.get("/api/v1/me/export").set(user.auth).expect(200);
      expect(exported.body.sections.hotline).toEqual([expect.objectContaining({ number: ticket.number, status: "waiting", phone: "13812345678", topic: "考试压力很大" })]);
      await t.request.delete("/api/v1/me").set(user.auth).expect(204);
      const [row] = await t.db.select().from(hotlineTickets).where(eq(hotlineTickets.id, ticket.id));
      expect(row).toMatchObject({ status: "cancelled", userId: null, phoneEnc: null, topicEnc: null, notifyOpenidEnc: null });
    });
  });
});
