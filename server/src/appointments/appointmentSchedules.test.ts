import { and, eq, isNull, sql } from "drizzle-orm";
import type { ContactRecordBody } from "@xinyuan/shared";
import { appointmentSlots, appUsers, bookings, contactCategories, contactRecords, counsellingRooms, experts, paymentOrders, paymentReconciliations } from "../db/schema";
import { systemOrigin } from "../audit/recordAudit";
import { AppError } from "../http/errors";
import { createPayTestApp } from "../../../tests/support/payTestApp";
import { buildBookingUser, buildSlots } from "../../../tests/support/appointmentFixtures";
import { buildSchool } from "../../../tests/support/factories";
import { sessionTokenFor } from "../../../tests/support/sessions";
import { buildSignedInStaff, staffSessionFor } from "../../../tests/support/staffSession";
import { contactTaxonomySeeder } from "../contacts/contactTaxonomySeeder";
import { countyDateOf } from "../hotline/countyTime";
import { paymentReconciler } from "../payments/paymentReconciler";
import { slotBooker } from "./slotBooker";
import { slotGenerator, slotTimesOf } from "./slotGenerator";
import { sendDueAppointmentReminders } from "./appointmentReminders";
import { listOpenSlots } from "./appointmentViews";
import { reconcileYesterdayIfDue } from "./appointmentJobs";

const codeOf = async (work: Promise<unknown>) => {
  try {
    await work;
    return "ok";
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
};

describe("appointment schedules, reminders, records and reconciliation", () => {
  let t: Awaited<ReturnType<typeof createPayTestApp>>;
  beforeAll(async () => {
    t = await createPayTestApp();
    await contactTaxonomySeeder(t.db);
  });
  afterAll(() => t.close());
  const now = () => t.clock.now();
  // Sessions start on the test clock, which later tests move forward.
  const userAuth = async (id: string) => ({ Authorization: `Bearer ${await sessionTokenFor(t.db, { type: "user", id }, t.clock.now())}` });

  describe("weekly hours → slots", () => {
    it("cuts county-time openings into slots on the right weekdays, never in the past", () => {
      // 2026-12-07 is a Monday; 07:00 county time = 2026-12-06T23:00Z.
      const times = slotTimesOf({ weeklyHours: [{ weekday: 1, start: "14:00", end: "16:00" }, { weekday: 3, start: "09:00", end: "09:40" }], slotMinutes: 50, now: new Date("2026-12-06T23:00:00Z"), days: 7 });
      expect(times.map((time) => time.startsAt.toISOString())).toEqual(["2026-12-07T06:00:00.000Z", "2026-12-07T06:50:00.000Z"]);
      const late = slotTimesOf({ weeklyHours: [{ weekday: 1, start: "14:00", end: "16:00" }], slotMinutes: 50, now: new Date("2026-12-07T06:30:00Z"), days: 1 });
      expect(late.map((time) => time.startsAt.toISOString())).toEqual(["2026-12-07T06:50:00.000Z"]);
    });

    it("generates a room's and an expert's slots once, however often and however concurrently it runs", async () => {
      const school = await buildSchool(t.db);
      const [room] = await t.db.insert(counsellingRooms).values({ schoolId: school.id, name: "生成测试辅导室", weeklyHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: "14:00", end: "17:00" })), slotMinutes: 60 }).returning();
      const [expert] = await t.db.insert(experts).values({ name: "生成专家", priceFen: 15000, mode: "online", weeklyHours: [{ weekday: 6, start: "09:00", end: "11:00" }], slotMinutes: 60 }).returning();
      await Promise.all([slotGenerator({ services: t.services }), slotGenerator({ services: t.services }), slotGenerator({ services: t.services })]);
      const roomSlots = await t.db.select().from(appointmentSlots).where(eq(appointmentSlots.roomId, room!.id));
      const expertSlots = await t.db.select().from(appointmentSlots).where(eq(appointmentSlots.expertId, expert!.id));
      // 14 days hold 10 weekdays (3 slots each) and 2 Saturdays (2 each), minus any already past today.
      expect(roomSlots.length).toBeGreaterThanOrEqual(27);
      expect(roomSlots.length).toBeLessThanOrEqual(30);
      expect(expertSlots.length).toBeGreaterThanOrEqual(2);
      expect(expertSlots.length).toBeLessThanOrEqual(4);
      expect(new Set(roomSlots.map((slot) => slot.startsAt.getTime())).size).toBe(roomSlots.length);
      expect(roomSlots.every((slot) => slot.priceFen === 0 && slot.mode === "place")).toBe(true);
      expect(expertSlots.every((slot) => slot.priceFen === 15000 && slot.mode === "online")).toBe(true);
      const again = await slotGenerator({ services: t.services });
      expect(await t.db.select({ count: sql<number>`count(*)::int` }).from(appointmentSlots).where(eq(appointmentSlots.roomId, room!.id))).toEqual([{ count: roomSlots.length }]);
      expect(again).toBe(0);
    });

    it("through the admin: a room saved with new hours drops unbooked slots the hours no longer give and keeps booked ones", async () => {
      const manager = await buildSignedInStaff(t, { roles: ["centre_admin"] });
      const school = await buildSchool(t.db);
      const everyDay = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: "08:00", end: "20:00" }));
      const created = await t.request.post("/api/v1/appointments/rooms").set(manager.auth).send({ schoolId: school.id, name: "一楼辅导室", location: "行政楼 101", weeklyHours: everyDay, slotMinutes: 60 }).expect(201);
      const slots = (await t.request.get(`/api/v1/appointments/managed-slots?roomId=${created.body.id}`).set(manager.auth).expect(200)).body as Array<{ id: string; startsAt: string; bookingStatus: string | null }>;
      expect(slots.length).toBeGreaterThan(100);
      const student = await buildBookingUser(t.db, { role: "student" });
      const kept = slots[slots.length - 1]!;
      await slotBooker({ services: t.services, actor: student, slotId: kept.id, note: null, forChild: false, origin: systemOrigin });
      // Closed from now on: only the booked slot stays, marked as booked.
      await t.request.put(`/api/v1/appointments/rooms/${created.body.id}`).set(manager.auth).send({ schoolId: school.id, name: "一楼辅导室", location: "行政楼 101", weeklyHours: [], slotMinutes: 60 }).expect(200);
      const after = (await t.request.get(`/api/v1/appointments/managed-slots?roomId=${created.body.id}`).set(manager.auth).expect(200)).body as Array<{ id: string; bookingStatus: string | null }>;
      expect(after).toEqual([expect.objectContaining({ id: kept.id, bookingStatus: "confirmed" })]);
      // Bad input: a clear error, nothing changed.
      const refused = await t.request.post("/api/v1/appointments/rooms").set(manager.auth).send({ schoolId: school.id, name: "坏时间", weeklyHours: [{ weekday: 8, start: "17:00", end: "09:00" }] }).expect(400);
      expect(refused.body.error.code).toBe("VALIDATION_FAILED");
      const counsellor = await buildSignedInStaff(t, { roles: ["counsellor"] });
      await t.request.post("/api/v1/appointments/rooms").set(counsellor.auth).send({ schoolId: school.id, name: "越权", weeklyHours: [] }).expect(403);
    });
  });

  describe("payments off", () => {
    let off: Awaited<ReturnType<typeof createPayTestApp>>;
    beforeAll(async () => {
      off = await createPayTestApp({ WECHATPAY_ENABLED: "false" });
    });
    afterAll(() => off.close());

    it("still books free slots, does not offer paid ones, refuses a paid booking kindly, and tells the admin why", async () => {
      const { freeSlot, paidSlot, school } = await buildSlots(off.db, off.clock.now());
      const parent = await buildBookingUser(off.db, { role: "parent" });
      const offered = await listOpenSlots({ services: off.services });
      expect(offered.some((slot) => slot.id === freeSlot.id)).toBe(true);
      expect(offered.some((slot) => slot.priceFen > 0)).toBe(false);
      expect(await codeOf(slotBooker({ services: off.services, actor: parent, slotId: paidSlot.id, note: null, forChild: true, payerOpenid: "o-off", origin: systemOrigin }))).toBe("APPOINTMENT_PAYMENTS_OFF");
      expect(await off.db.select().from(bookings).where(eq(bookings.slotId, paidSlot.id))).toHaveLength(0);
      expect(off.pay.transactions.size).toBe(0);
      expect((await slotBooker({ services: off.services, actor: parent, slotId: freeSlot.id, note: null, forChild: true, origin: systemOrigin })).booking.status).toBe("confirmed");

      await off.db.update(appUsers).set({ schoolId: school.id }).where(eq(appUsers.id, parent.id));
      const directory = await off.request.get("/api/v1/appointments/directory").set({ Authorization: `Bearer ${await sessionTokenFor(off.db, { type: "user", id: parent.id })}` }).expect(200);
      expect(directory.body).toMatchObject({ paymentsEnabled: false, experts: [] });
      expect(directory.body.rooms.map((room: { name: string }) => room.name)).toEqual(["心理辅导室"]);
      const admin = await buildSignedInStaff(off, { roles: ["centre_admin"] });
      const status = await off.request.get("/api/v1/appointments/status").set(admin.auth).expect(200);
      expect(status.body).toMatchObject({ paymentsEnabled: false, paymentsOffReason: expect.stringContaining("付费预约已关闭") });
      // No reconciliation with payments off.
      expect(await reconcileYesterdayIfDue(off.services)).toBeUndefined();
    });
  });




  describe("daily reconciliation against the WeChat Pay bill", () => {
    async function paidBooking() {
      const { paidSlot } = await buildSlots(t.db, now(), { hoursAhead: 100 });
      const parent = await buildBookingUser(t.db, { role: "parent" });
      const booked = await slotBooker({ services: t.services, actor: parent, slotId: paidSlot.id, note: null, forChild: true, payerOpenid: "o-bill", origin: systemOrigin });
      const [order] = await t.db.select().from(paymentOrders).where(eq(paymentOrders.subjectId, booked.booking.id));
      t.pay.pay(order!.outTradeNo);
      const notification = t.pay.paymentNotification(order!.outTradeNo);
      await t.request.post("/api/v1/payments/wechat/notify").set(notification.headers).send(notification.body).expect(200);
      return order!.outTradeNo;
    }

    it("matches a day whose payments agree, records what differs, and fails loudly on a bill whose hash is wrong", async () => {
      // The fake's bill is keyed on WeChat's own success_time (the real clock); reconcile that county day.
      const billDate = countyDateOf(new Date());
      const outTradeNo = await paidBooking();
      const [ours] = await t.db.select().from(paymentOrders).where(eq(paymentOrders.outTradeNo, outTradeNo));
      expect(ours!.status).toBe("paid");
      // Our paid_at follows the test clock; put it on the bill's day as WeChat would see it.
      await t.db.update(paymentOrders).set({ paidAt: new Date() }).where(and(eq(paymentOrders.purpose, "appointment"), sql`${paymentOrders.paidAt} IS NOT NULL`));
      const matched = await paymentReconciler({ services: t.services, billDate });
      expect(matched.status).toBe("matched");
      expect(matched.billRows).toBeGreaterThanOrEqual(1);

      // WeChat took money for an order we never saw paid, and another amount differs.
      t.pay.transactions.set("APGHOST1", { appid: t.pay.appId, mchid: t.pay.mchId, out_trade_no: "APGHOST1", transaction_id: "42ghost", trade_state: "SUCCESS", amount: { total: 999, currency: "CNY" }, payer: { openid: "o-x" }, notify_url: "", success_time: new Date().toISOString() });
      t.pay.transactions.get(outTradeNo)!.amount.total = 1;
      const mismatched = await paymentReconciler({ services: t.services, billDate });
      expect(mismatched.status).toBe("mismatched");
      expect(mismatched.mismatches).toEqual(expect.arrayContaining([
        { outTradeNo: "APGHOST1", kind: "paid_at_wechat_only", ours: null, theirs: "9.99" },
        { outTradeNo, kind: "amount_differs", ours: "200.00", theirs: "0.01" },
      ]));
      const stored = await t.db.select().from(paymentReconciliations).where(eq(paymentReconciliations.billDate, billDate));
      expect(stored).toHaveLength(1);
      const admin = await buildSignedInStaff(t, { roles: ["centre_admin"] });
      const status = await t.request.get("/api/v1/appointments/status").set(admin.auth).expect(200);
      expect(status.body.paymentsEnabled).toBe(true);
      expect(status.body.reconciliations[0]).toMatchObject({ billDate, status: "mismatched" });

      t.pay.tamperBills = true;
      const failed = await paymentReconciler({ services: t.services, billDate });
      t.pay.tamperBills = false;
      expect(failed).toMatchObject({ status: "failed", error: expect.stringContaining("hash") });
    });

    it("treats a day WeChat has no bill for as matched when nothing was paid here either", async () => {
      const result = await paymentReconciler({ services: t.services, billDate: "2026-01-01" });
      expect(result).toMatchObject({ status: "matched", billRows: 0, mismatches: [] });
    });
  });

  describe("the session record", () => {
    it("goes into the contact records once, by the room's staff, only after the booker came", async () => {
      const { freeSlot, room } = await buildSlots(t.db, now(), { hoursAhead: 2 });
      const student = await buildBookingUser(t.db, { role: "student" });
      const booked = await slotBooker({ services: t.services, actor: student, slotId: freeSlot.id, note: null, forChild: false, origin: systemOrigin });
      const counsellor = await buildSignedInStaff(t, { roles: ["counsellor"] });
      const stranger = await buildSignedInStaff(t, { roles: ["counsellor"] });
      await t.db.update(counsellingRooms).set({ staffIds: [counsellor.id] }).where(eq(counsellingRooms.id, room.id));
      const [category] = await t.db.select().from(contactCategories).where(isNull(contactCategories.parentId)).limit(1);
      const body: ContactRecordBody = { categoryIds: [category!.id], repeat: "first", gender: "not_stated", riskLevel: "low", actions: ["direct_support"], referralTargets: [], followUpNeeded: false, durationMinutes: 45, summary: "谈了考试压力，约好两周后再来。" };
      const url = `/api/v1/appointments/bookings/${booked.booking.id}/record`;
      expect((await t.request.post(url).set(counsellor.auth).send(body).expect(409)).body.error.code).toBe("APPOINTMENT_NOT_ATTENDED");
      t.clock.advance(3 * 3600_000);
      counsellor.auth = (await staffSessionFor(t, counsellor)).auth;
      stranger.auth = (await staffSessionFor(t, stranger)).auth;
      await t.request.post(`/api/v1/appointments/bookings/${booked.booking.id}/attendance`).set(counsellor.auth).send({ outcome: "attended" }).expect(200);
      await t.request.post(url).set(stranger.auth).send(body).expect(403);
      const recorded = await t.request.post(url).set(counsellor.auth).send(body).expect(201);
      const [record] = await t.db.select().from(contactRecords).where(eq(contactRecords.id, recorded.body.recordId));
      expect(record).toMatchObject({ channel: "in_person", userId: student.id, staffId: counsellor.id, sourceType: "booking", sourceId: booked.booking.id, durationMinutes: 45 });
      expect(record!.summaryEnc).not.toContain("考试");
      expect((await t.request.post(url).set(counsellor.auth).send(body).expect(409)).body.error.code).toBe("APPOINTMENT_ALREADY_RECORDED");
      const day = countyDateOf(freeSlot.startsAt);
      const list = await t.request.get(`/api/v1/appointments/day?day=${day}`).set(counsellor.auth).expect(200);
      expect(list.body.find((entry: { bookingId: string }) => entry.bookingId === booked.booking.id)).toMatchObject({ status: "attended", recorded: true, mode: "place" });
    });
  });

  describe("reminders", () => {
    async function armedBooking(openid: string, hoursAhead: number) {
      const { freeSlot } = await buildSlots(t.db, now(), { hoursAhead });
      const student = await buildBookingUser(t.db, { role: "student" });
      await t.db.update(appUsers).set({ openidHash: t.services.hashIdentity("wechat-openid", openid) }).where(eq(appUsers.id, student.id));
      const booked = await slotBooker({ services: t.services, actor: student, slotId: freeSlot.id, note: "想聊聊考试焦虑", forChild: false, origin: systemOrigin });
      const auth = await userAuth(student.id);
      await t.request.post(`/api/v1/appointments/bookings/${booked.booking.id}/reminder`).set(auth).send({ code: t.wechat.issueCode(openid) }).expect(200);
      return { bookingId: booked.booking.id, auth, student };
    }

    it("sends one reminder shortly before the session, never the note, and never twice", async () => {
      const { bookingId, auth, student } = await armedBooking("o-remind-me", 30);
      // Someone else's code is refused: the address must be this account's.
      await t.request.post(`/api/v1/appointments/bookings/${bookingId}/reminder`).set(auth).send({ code: t.wechat.issueCode("o-not-me") }).expect(400);
      const before = t.wechat.sentMessages.length;
      expect((await sendDueAppointmentReminders(t.services)).sent).toBe(0); // 30 h ahead: not yet
      t.clock.advance(29 * 3600_000);
      const fresh = await userAuth(student.id);
      const [first, second] = await Promise.all([sendDueAppointmentReminders(t.services), sendDueAppointmentReminders(t.services)]);
      expect(first.sent + second.sent).toBe(1);
      expect((await sendDueAppointmentReminders(t.services)).sent).toBe(0);
      const sent = t.wechat.sentMessages.slice(before).filter((message) => message.touser === "o-remind-me");
      expect(sent).toHaveLength(1);
      expect(sent[0]!.page).toBe(`packages/appointments/index?booking=${bookingId}`);
      expect(JSON.stringify(sent[0])).not.toContain("考试焦虑");
      const row = (await t.db.select().from(bookings).where(eq(bookings.id, bookingId)))[0]!;
      expect(row.remindOpenidEnc).toBeNull();
      expect(row.remindedAt).not.toBeNull();
      await t.request.post(`/api/v1/appointments/bookings/${bookingId}/reminder`).set(fresh).send({ code: t.wechat.issueCode("o-remind-me") }).expect(409);
    });

    it("gives up (once) when WeChat says the subscription quota is used up, and skips cancelled bookings", async () => {
      const refused = await armedBooking("o-no-quota", 1);
      const cancelled = await armedBooking("o-cancelled", 1);
      await t.request.post(`/api/v1/appointments/bookings/${cancelled.bookingId}/cancel`).set(cancelled.auth).expect(200);
      t.wechat.refusedOpenids.add("o-no-quota");
      const counts = await sendDueAppointmentReminders(t.services);
      expect(counts.noQuota).toBe(1);
      expect(counts.sent).toBe(0);
      expect((await t.db.select().from(bookings).where(eq(bookings.id, refused.bookingId)))[0]!.remindedAt).not.toBeNull();
      t.wechat.refusedOpenids.delete("o-no-quota");
      expect((await sendDueAppointmentReminders(t.services)).sent).toBe(0);
      expect(t.wechat.sentMessages.some((message) => message.touser === "o-cancelled" || message.touser === "o-no-quota")).toBe(false);
    });
  });

});
