import { and, eq, sql } from "drizzle-orm";
import { errorMessages } from "@xinyuan/shared";
import { auditEvents, bookings, paymentOrders } from "../db/schema";
import { systemOrigin } from "../audit/recordAudit";
import { AppError } from "../http/errors";
import { createPayTestApp } from "../../../tests/support/payTestApp";
import type { FakeWechatPay } from "../../../tests/fakes/fakeWechatPayServer";
import { buildBookingUser, buildSlots } from "../../../tests/support/appointmentFixtures";
import { slotBooker } from "./slotBooker";
import { bookingCanceller } from "./bookingCanceller";
import { sweepAppointmentPayments } from "./appointmentPaymentSweep";
import { sealed } from "../crypto/sealedColumns";

/**
 * Booking, paying, cancelling, refunding against the fake WeChat Pay. The slot race matters on
 * PostgreSQL (XINYUAN_TEST_DB=postgres); PGlite serialises it. Clock-moving tests run last.
 */
describe("appointments", () => {
  let t: Awaited<ReturnType<typeof createPayTestApp>>;
  let fake: FakeWechatPay;
  beforeAll(async () => {
    t = await createPayTestApp();
    fake = t.pay;
  });
  afterAll(() => t.close());
  const now = () => t.clock.now();
  const codeOf = async (work: Promise<unknown>) => {
    try {
      await work;
      return "ok";
    } catch (error) {
      if (error instanceof AppError) return error.code;
      throw error;
    }
  };
  const book = (actor: Awaited<ReturnType<typeof buildBookingUser>>, slotId: string, extra: { note?: string; payerOpenid?: string } = {}) =>
    slotBooker({ services: t.services, actor, slotId, note: extra.note ?? null, forChild: actor.role === "parent", payerOpenid: extra.payerOpenid, origin: systemOrigin });
  const bookingRow = async (id: string) => (await t.db.select().from(bookings).where(eq(bookings.id, id)))[0]!;
  const orderOf = async (bookingId: string) => (await t.db.select().from(paymentOrders).where(eq(paymentOrders.subjectId, bookingId)))[0]!;
  const notify = (body: { headers: Record<string, string>; body: string }) => t.request.post("/api/v1/payments/wechat/notify").set(body.headers).send(body.body);

  it("gives one slot to exactly one of 20 students booking it at once", async () => {
    const { freeSlot } = await buildSlots(t.db, now());
    const students = await Promise.all(Array.from({ length: 20 }, () => buildBookingUser(t.db, { role: "student" })));
    const results = await Promise.all(students.map((student) => codeOf(book(student, freeSlot.id))));
    expect(results.filter((result) => result === "ok")).toHaveLength(1);
    expect(results.filter((result) => result === "APPOINTMENT_SLOT_TAKEN")).toHaveLength(19);
    const rows = await t.db.select().from(bookings).where(eq(bookings.slotId, freeSlot.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.status).toBe("confirmed");
  });

  it("refuses a student a paid session with a kind 403 that points to the free room", async () => {
    const { paidSlot } = await buildSlots(t.db, now());
    const student = await buildBookingUser(t.db, { role: "student" });
    const error = await book(student, paidSlot.id, { payerOpenid: "o-student" }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ status: 403, code: "APPOINTMENT_MINOR_CANNOT_PAY" });
    expect(errorMessages.APPOINTMENT_MINOR_CANNOT_PAY).toContain("家长账号");
    expect(await t.db.select().from(bookings).where(eq(bookings.slotId, paidSlot.id))).toHaveLength(0);
  });

  it("refuses a paid slot without a payer (no wx.login code, e.g. from H5) before holding anything", async () => {
    const { paidSlot } = await buildSlots(t.db, now());
    const parent = await buildBookingUser(t.db, { role: "parent" });
    expect(await codeOf(book(parent, paidSlot.id))).toBe("APPOINTMENT_PAYER_MISSING");
    expect(await t.db.select().from(bookings).where(eq(bookings.slotId, paidSlot.id))).toHaveLength(0);
    // The slot is still free for a parent paying in the mini-program.
    expect((await book(parent, paidSlot.id, { payerOpenid: "o-parent-mini" })).booking.status).toBe("awaiting_payment");
  });

  it("flags a risky note (the app offers the live line) and records it without the note text", async () => {
    const { freeSlot } = await buildSlots(t.db, now());
    const student = await buildBookingUser(t.db, { role: "student" });
    const result = await book(student, freeSlot.id, { note: "我最近总想自杀，不想活了" });
    expect(result.riskFlag).toBe(true);
    const audits = await t.db.select().from(auditEvents).where(and(eq(auditEvents.action, "appointment.note.risk"), eq(auditEvents.targetId, result.booking.id)));
    expect(audits).toHaveLength(1);
    expect(JSON.stringify(audits[0]!.detail)).not.toContain("自杀");
    const row = await bookingRow(result.booking.id);
    expect(row.noteEnc).not.toContain("自杀");
    expect(t.services.cipher.decrypt(row.noteEnc!, sealed.bookingNote.at(row))).toBe("我最近总想自杀，不想活了");
    const calm = await book(student, (await buildSlots(t.db, now())).freeSlot.id, { note: "想聊聊学习压力" });
    expect(calm.riskFlag).toBe(false);
  });

  it("lets a parent pay through WeChat Pay, then cancel 3 days ahead for a full refund confirmed by notification", async () => {
    const { paidSlot } = await buildSlots(t.db, now(), { hoursAhead: 72, priceFen: 20000 });
    const parent = await buildBookingUser(t.db, { role: "parent" });
    const result = await book(parent, paidSlot.id, { payerOpenid: "o-parent" });
    expect(result.booking.status).toBe("awaiting_payment");
    expect(result.payment?.package).toMatch(/^prepay_id=/);
    const order = await orderOf(result.booking.id);
    expect(fake.transactions.get(order.outTradeNo)?.amount.total).toBe(20000);
    fake.pay(order.outTradeNo);
    expect((await notify(fake.paymentNotification(order.outTradeNo))).status).toBe(200);
    expect((await bookingRow(result.booking.id)).status).toBe("paid");

    const cancel = await bookingCanceller({ services: t.services, actor: parent, bookingId: result.booking.id, origin: systemOrigin });
    expect(cancel.refund).toBe("full");
    expect((await orderOf(result.booking.id)).status).toBe("refunding");
    expect((await notify(fake.refundNotification(`RF${order.outTradeNo}`))).status).toBe(200);
    expect((await bookingRow(result.booking.id)).status).toBe("refunded");
    expect((await orderOf(result.booking.id)).status).toBe("refunded");
    // The slot is free again for someone else.
    expect((await book(await buildBookingUser(t.db, { role: "parent" }), paidSlot.id, { payerOpenid: "o-next" })).booking.status).toBe("awaiting_payment");
  });

  it("cancels a paid session inside the refund window without a refund", async () => {
    const { paidSlot } = await buildSlots(t.db, now(), { hoursAhead: 5 });
    const parent = await buildBookingUser(t.db, { role: "parent" });
    const result = await book(parent, paidSlot.id, { payerOpenid: "o-parent2" });
    const order = await orderOf(result.booking.id);
    fake.pay(order.outTradeNo);
    expect((await notify(fake.paymentNotification(order.outTradeNo))).status).toBe(200);
    const cancel = await bookingCanceller({ services: t.services, actor: parent, bookingId: result.booking.id, origin: systemOrigin });
    expect(cancel.refund).toBe("none");
    expect(fake.refunds.has(`RF${order.outTradeNo}`)).toBe(false);
  });

  it("finds a payment whose notification never came (order query) and releases a hold nobody paid", async () => {
    const paidNoNotice = await buildSlots(t.db, now());
    const unpaid = await buildSlots(t.db, now());
    const parent = await buildBookingUser(t.db, { role: "parent" });
    const quiet = await book(parent, paidNoNotice.paidSlot.id, { payerOpenid: "o-quiet" });
    const abandoned = await book(parent, unpaid.paidSlot.id, { payerOpenid: "o-abandoned" });
    fake.pay((await orderOf(quiet.booking.id)).outTradeNo);

    t.clock.advance(2 * 60_000); // past the notification grace, inside the 10-minute hold
    expect(await sweepAppointmentPayments(t.services)).toMatchObject({ paidByQuery: 1, expired: 0 });
    expect((await bookingRow(quiet.booking.id)).status).toBe("paid");
    expect((await bookingRow(abandoned.booking.id)).status).toBe("awaiting_payment");

    t.clock.advance(9 * 60_000); // the hold is over
    // Other tests' holds (the slot re-booked after the refund) expire in the same sweep.
    expect((await sweepAppointmentPayments(t.services)).expired).toBeGreaterThanOrEqual(1);
    expect((await bookingRow(abandoned.booking.id)).status).toBe("expired");
    const abandonedOrder = await orderOf(abandoned.booking.id);
    expect(abandonedOrder.status).toBe("closed");
    expect(fake.transactions.get(abandonedOrder.outTradeNo)?.trade_state).toBe("CLOSED");
    const other = await buildBookingUser(t.db, { role: "parent" });
    expect((await book(other, unpaid.paidSlot.id, { payerOpenid: "o-other" })).booking.status).toBe("awaiting_payment");
    const active = await t.db.select({ count: sql<number>`count(*)::int` }).from(bookings).where(and(eq(bookings.slotId, unpaid.paidSlot.id), sql`status IN ('awaiting_payment','confirmed','paid')`));
    expect(active[0]!.count).toBe(1);
  });

  it("expires a hold once when two processes sweep at the same moment", async () => {
    const { paidSlot } = await buildSlots(t.db, now());
    const parent = await buildBookingUser(t.db, { role: "parent" });
    const held = await book(parent, paidSlot.id, { payerOpenid: "o-twice" });
    t.clock.advance(11 * 60_000);
    await Promise.all([sweepAppointmentPayments(t.services), sweepAppointmentPayments(t.services)]);
    expect((await bookingRow(held.booking.id)).status).toBe("expired");
    const audits = await t.db.select().from(auditEvents).where(and(eq(auditEvents.action, "appointment.hold_expired"), eq(auditEvents.targetId, held.booking.id)));
    expect(audits).toHaveLength(1);
  });
});
