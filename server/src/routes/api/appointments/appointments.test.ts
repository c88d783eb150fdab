import { eq } from "drizzle-orm";
import { errorMessages } from "@xinyuan/shared";
import { appointmentSlots, bookings, counsellingRooms, paymentOrders } from "../../../db/schema";
import { createPayTestApp } from "../../../../../tests/support/payTestApp";
import { buildBookingUser, buildSlots } from "../../../../../tests/support/appointmentFixtures";
import { sessionTokenFor } from "../../../../../tests/support/sessions";
import { buildSignedInStaff } from "../../../../../tests/support/staffSession";

describe("appointment routes", () => {
  let t: Awaited<ReturnType<typeof createPayTestApp>>;
  beforeAll(async () => {
    t = await createPayTestApp();
  });
  afterAll(() => t.close());
  const userAuth = async (id: string) => ({ Authorization: `Bearer ${await sessionTokenFor(t.db, { type: "user", id })}` });

  it("lets a student book a free counselling-room slot, see it, and the room's counsellor mark it attended", async () => {
    const { freeSlot, room, school } = await buildSlots(t.db, t.clock.now(), { hoursAhead: 1 });
    const student = await buildBookingUser(t.db, { role: "student" });
    const auth = await userAuth(student.id);
    const slots = await t.request.get(`/api/v1/appointments/slots?schoolId=${school.id}`).set(auth).expect(200);
    expect(slots.body.map((slot: { id: string }) => slot.id)).toEqual([freeSlot.id]);
    const booked = await t.request.post("/api/v1/appointments/bookings").set(auth).send({ slotId: freeSlot.id, note: "想聊聊和同学的关系" }).expect(201);
    expect(booked.body).toMatchObject({ booking: { status: "confirmed", amountFen: 0 }, payment: null, riskFlag: false });
    const again = await t.request.get(`/api/v1/appointments/slots?schoolId=${school.id}`).set(auth).expect(200);
    expect(again.body).toEqual([]);
    const mine = await t.request.get("/api/v1/appointments/bookings").set(auth).expect(200);
    expect(mine.body.map((booking: { id: string }) => booking.id)).toEqual([booked.body.booking.id]);

    const counsellor = await buildSignedInStaff(t, { roles: ["counsellor"] });
    const stranger = await buildSignedInStaff(t, { roles: ["counsellor"] });
    await t.db.update(counsellingRooms).set({ staffIds: [counsellor.id] }).where(eq(counsellingRooms.id, room.id));
    const day = new Date(freeSlot.startsAt.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
    const list = await t.request.get(`/api/v1/appointments/day?day=${day}`).set(counsellor.auth).expect(200);
    expect(list.body).toEqual([expect.objectContaining({ bookingId: booked.body.booking.id, alias: student.alias, note: "想聊聊和同学的关系" })]);
    expect((await t.request.get(`/api/v1/appointments/day?day=${day}`).set(stranger.auth).expect(200)).body).toEqual([]);

    await t.db.update(appointmentSlots).set({ startsAt: new Date(t.clock.now().getTime() - 60_000) }).where(eq(appointmentSlots.id, freeSlot.id));
    await t.request.post(`/api/v1/appointments/bookings/${booked.body.booking.id}/attendance`).set(stranger.auth).send({ outcome: "attended" }).expect(403);
    const marked = await t.request.post(`/api/v1/appointments/bookings/${booked.body.booking.id}/attendance`).set(counsellor.auth).send({ outcome: "attended" }).expect(200);
    expect(marked.body.status).toBe("attended");
  });

  it("answers a student asking for a paid session with 403 and a kind message, and lets a parent pay", async () => {
    const { paidSlot } = await buildSlots(t.db, t.clock.now());
    const student = await buildBookingUser(t.db, { role: "student" });
    const refused = await t.request.post("/api/v1/appointments/bookings").set(await userAuth(student.id)).send({ slotId: paidSlot.id, wechatCode: t.wechat.issueCode("o-student") }).expect(403);
    expect(refused.body.error).toEqual({ code: "APPOINTMENT_MINOR_CANNOT_PAY", message: errorMessages.APPOINTMENT_MINOR_CANNOT_PAY });
    const parent = await buildBookingUser(t.db, { role: "parent" });
    const booked = await t.request.post("/api/v1/appointments/bookings").set(await userAuth(parent.id)).send({ slotId: paidSlot.id, forChild: true, wechatCode: t.wechat.issueCode("o-parent-http") }).expect(201);
    expect(booked.body.booking).toMatchObject({ status: "awaiting_payment", amountFen: 20000, forChild: true });
    expect(booked.body.payment).toMatchObject({ package: expect.stringMatching(/^prepay_id=/), signType: "RSA", paySign: expect.any(String) });
    expect([...t.pay.transactions.values()].some((transaction) => transaction.payer.openid === "o-parent-http")).toBe(true);
  });

  it("refuses another user's booking as not found", async () => {
    const { freeSlot } = await buildSlots(t.db, t.clock.now());
    const owner = await buildBookingUser(t.db, { role: "student" });
    const booked = await t.request.post("/api/v1/appointments/bookings").set(await userAuth(owner.id)).send({ slotId: freeSlot.id }).expect(201);
    const other = await buildBookingUser(t.db, { role: "student" });
    await t.request.post(`/api/v1/appointments/bookings/${booked.body.booking.id}/cancel`).set(await userAuth(other.id)).expect(404);
    const cancelled = await t.request.post(`/api/v1/appointments/bookings/${booked.body.booking.id}/cancel`).set(await userAuth(owner.id)).expect(200);
    expect(cancelled.body).toMatchObject({ booking: { status: "cancelled" }, refund: "none" });
  });

  it("exports a user's bookings with their note, and on account deletion releases a paid future session for a full refund", async () => {
    const { paidSlot } = await buildSlots(t.db, t.clock.now(), { hoursAhead: 5 });
    const parent = await buildBookingUser(t.db, { role: "parent" });
    const auth = await userAuth(parent.id);
    const booked = await t.request.post("/api/v1/appointments/bookings").set(auth).send({ slotId: paidSlot.id, note: "孩子最近不愿意上学", wechatCode: t.wechat.issueCode("o-leaving") }).expect(201);
    const [order] = await t.db.select().from(paymentOrders).where(eq(paymentOrders.subjectId, booked.body.booking.id));
    t.pay.pay(order!.outTradeNo);
    const notification = t.pay.paymentNotification(order!.outTradeNo);
    await t.request.post("/api/v1/payments/wechat/notify").set(notification.headers).send(notification.body).expect(200);
    const exported = await t.request.get("/api/v1/me/export").set(auth).expect(200);
    expect(JSON.stringify(exported.body)).toContain("孩子最近不愿意上学");
    await t.request.delete("/api/v1/me").set(auth).expect(204);
    const [row] = await t.db.select().from(bookings).where(eq(bookings.id, booked.body.booking.id));
    expect(row).toMatchObject({ status: "cancelled", userId: null, noteEnc: null });
    const [after] = await t.db.select().from(paymentOrders).where(eq(paymentOrders.id, order!.id));
    expect(after!.status).toBe("refunding");
  });
});
