/**
 * Appointments (issue 17) in the real builds: a student on a phone (H5) books their school's free
 * counselling room and sees it under 我的预约; the room's counsellor finds it in 预约日程 once the hour
 * came, marks it attended and writes the session record; a parent in H5 is told honestly that a paid
 * expert session is booked and paid in the mini-program (the web app has no WeChat Pay), the payment
 * then runs as the mini-program's would (API + the fake WeChat Pay's signed notification) and the
 * expert's 预约日程 shows it paid; a supervisor opens 预约设置, adds a room's weekly hours and sees its
 * slots. Needs the admin and H5 builds.
 */
import { and, eq, isNotNull } from "drizzle-orm";
import type { Page } from "playwright-core";
import type { BookingResultView, BookingView, MeView, SlotView } from "@xinyuan/shared";
import { appointmentSlots, bookings, counsellingRooms, experts, paymentOrders, schools, staff } from "../../server/src/db/schema";
import { screenshot } from "../support/browser";
import { adminViewport, api, browserSuite, pickOption, pickTreeOption, signInAdmin } from "./support/browserSuite";
import { newPhoneContext, openH5Parent, openH5Student, tap, type H5Student } from "./support/h5Student";

/** The app's own slot label ("12月8日 周二 14:00–14:50", county time), to find a slot on screen. */
function slotLabel(startsAt: Date, endsAt: Date): string {
  const county = (date: Date) => new Date(date.getTime() + 8 * 3600_000);
  const hhmm = (date: Date) => `${String(date.getUTCHours()).padStart(2, "0")}:${String(date.getUTCMinutes()).padStart(2, "0")}`;
  const start = county(startsAt);
  return `${start.getUTCMonth() + 1}月${start.getUTCDate()}日 ${["周日", "周一", "周二", "周三", "周四", "周五", "周六"][start.getUTCDay()]} ${hhmm(start)}–${hhmm(county(endsAt))}`;
}

/** The county day (YYYY-MM-DD) of an instant. */
const countyDay = (date: Date) => new Date(date.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/** Types a day into 预约日程's date picker. */
async function showDay(page: Page, day: string): Promise<void> {
  const picker = page.getByRole("textbox", { name: "选择日期" });
  await picker.click();
  await picker.fill(day);
  await picker.press("Enter");
  await page.locator(".ant-picker-dropdown:not(.ant-picker-dropdown-hidden)").waitFor({ state: "hidden" });
}

/** Staff in the county: Beijing time. */
const countyAdmin = () => ({ ...adminViewport(), timezoneId: "Asia/Shanghai" });

describe("appointments: booking, the day list, paying and the setup", () => {
  const suite = browserSuite({ admin: true, h5: true }, { wechatPay: true });
  const staffId = async (username: string) => (await suite.server.server.services.db.select().from(staff).where(eq(staff.username, username)))[0]!.id;
  const openAppointments = async (page: Page) => {
    await page.goto(`${suite.server.baseUrl}/h5/#/packages/appointments/index`);
    await page.getByText("我的预约", { exact: true }).waitFor();
  };

  let student: H5Student;
  let freeSlot: typeof appointmentSlots.$inferSelect;

  it("tells a parent in H5 to pay in the mini-program; paid there (API + WeChat Pay's notification), the expert's day list shows it paid", async () => {
    const { server, pay } = suite;
    const { db } = server.server.services;
    const [expert] = await db.insert(experts).values({ name: "王晓芸", title: "国家二级心理咨询师", fields: ["亲子关系"], priceFen: 20000, staffId: await staffId("expert") }).returning();
    const startsAt = new Date(server.clock.now().getTime() + 72 * 3600_000);
    const [paidSlot] = await db.insert(appointmentSlots).values({ expertId: expert!.id, startsAt, endsAt: new Date(startsAt.getTime() + 50 * 60_000), priceFen: 20000 }).returning();

    // A parent opens the H5 app for the first time.
    const parent = await openH5Parent(suite.track(await newPhoneContext(suite.browser)), server);
    const { page: h5, token, deviceId, pageErrors } = parent;

    await openAppointments(h5);
    await tap(h5, "预约一个时间");
    await h5.getByText("王晓芸", { exact: true }).waitFor();
    await h5.getByText("¥200 / 次", { exact: true }).waitFor();
    await tap(h5, "王晓芸");
    await tap(h5, slotLabel(paidSlot!.startsAt, paidSlot!.endsAt));
    await h5.getByText("请到微信小程序里预约和支付", { exact: true }).waitFor();
    await h5.getByText("网页版不能用微信支付", { exact: false }).waitFor();
    await expect(h5.getByText("支付和退款", { exact: true }).count()).resolves.toBe(0);
    await screenshot(h5, "appointments-h5-3-parent-paid-slot");
    // The button is off: tapping it books nothing.
    await h5.getByText("确认并支付 ¥200", { exact: true }).click();
    await h5.waitForTimeout(500);
    expect(await db.select().from(bookings).where(eq(bookings.slotId, paidSlot!.id))).toHaveLength(0);

    // Without a payer (no wx.login code) the server refuses before holding anything.
    const refused = await fetch(`${server.baseUrl}/api/v1/appointments/bookings`, { method: "POST", headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" }, body: JSON.stringify({ slotId: paidSlot!.id, forChild: true }) });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("APPOINTMENT_PAYER_MISSING");
    expect(await db.select().from(bookings).where(eq(bookings.slotId, paidSlot!.id))).toHaveLength(0);

    // The same parent in the mini-program: a fresh wx.login code, the booking, WeChat Pay, its notification.
    const code = server.wechat.issueCode(server.wechat.openidForDemoDevice(deviceId));
    const result = await api<BookingResultView>(server, "POST", "/appointments/bookings", token, { slotId: paidSlot!.id, forChild: true, wechatCode: code });
    expect(result.booking.status).toBe("awaiting_payment");
    expect(result.payment?.package).toMatch(/^prepay_id=/);
    const [order] = await db.select().from(paymentOrders).where(eq(paymentOrders.subjectId, result.booking.id));
    expect(pay.transactions.get(order!.outTradeNo)?.amount.total).toBe(20000);
    pay.pay(order!.outTradeNo);
    const notified = await pay.postNotification(`${server.baseUrl}/api/v1/payments/wechat/notify`, pay.paymentNotification(order!.outTradeNo));
    expect(notified.status).toBe(200);
    const [paidBooking] = await db.select().from(bookings).where(and(eq(bookings.slotId, paidSlot!.id), isNotNull(bookings.paymentOrderId)));
    expect(paidBooking!.status).toBe("paid");

    // Back in H5, 我的预约 shows it paid.
    await openAppointments(h5);
    await h5.getByText("已支付 · ¥200", { exact: true }).waitFor();
    await screenshot(h5, "appointments-h5-4-parent-paid");
    expect(pageErrors).toEqual([]);

    // The expert's account: 预约日程 of that day shows it paid, booked by a parent for their child.
    const admin = await (await suite.newContext(countyAdmin())).newPage();
    await signInAdmin(admin, server, "expert");
    await admin.getByRole("menuitem", { name: "预约日程" }).click();
    await admin.getByRole("heading", { name: "预约日程" }).waitFor();
    await showDay(admin, countyDay(startsAt));
    const row = admin.getByRole("row").filter({ hasText: "家长代孩子预约" });
    await row.waitFor();
    await row.getByText("已支付", { exact: true }).waitFor();
    await screenshot(admin, "appointments-admin-3-paid");
  });

  it("a student on a phone books their school's free counselling room and sees it under 我的预约", async () => {
    const { server } = suite;
    const { db } = server.server.services;
    const [school] = await db.select().from(schools).limit(1);
    const [room] = await db.insert(counsellingRooms).values({ schoolId: school!.id, name: "三楼心理辅导室", location: "教学楼三楼 305", staffIds: [await staffId("counsellor")] }).returning();
    // Half an hour from now: the last test moves the server's clock past its start to mark it attended.
    const startsAt = new Date(server.clock.now().getTime() + 30 * 60_000);
    [freeSlot] = await db.insert(appointmentSlots).values({ roomId: room!.id, startsAt, endsAt: new Date(startsAt.getTime() + 50 * 60_000), priceFen: 0 }).returning() as [typeof freeSlot];

    student = await openH5Student(suite.track(await newPhoneContext(suite.browser)), server);
    await api<MeView>(server, "PATCH", "/me/profile", student.token, { schoolId: school!.id });
    const h5 = student.page;
    await openAppointments(h5);
    await h5.getByText("还没有预约。", { exact: true }).waitFor();
    await tap(h5, "预约一个时间");
    await h5.getByText("学校心理辅导室（免费）", { exact: true }).waitFor();
    await tap(h5, "三楼心理辅导室");
    const label = slotLabel(freeSlot.startsAt, freeSlot.endsAt);
    await tap(h5, label);
    await h5.getByText("地点：教学楼三楼 305", { exact: true }).waitFor();
    await h5.getByText("费用：免费", { exact: true }).waitFor();
    await h5.locator("textarea").fill("想聊聊学习压力");
    await screenshot(h5, "appointments-h5-1-confirm");
    await h5.getByText("确认预约", { exact: true }).last().click();
    await h5.getByText("预约好了", { exact: true }).waitFor();
    await tap(h5, "回到我的预约");
    await h5.getByText(label, { exact: true }).waitFor();
    await h5.getByText("已预约 · 免费", { exact: true }).waitFor();
    await screenshot(h5, "appointments-h5-2-mine");

    const mine = await api<BookingView[]>(server, "GET", "/appointments/bookings", student.token);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ status: "confirmed", amountFen: 0, startsAt: freeSlot.startsAt.toISOString() });
    // The slot is taken: it is no longer offered.
    const open = await api<SlotView[]>(server, "GET", `/appointments/slots?schoolId=${school!.id}`, student.token);
    expect(open.map((slot) => slot.id)).not.toContain(freeSlot.id);
    expect(student.pageErrors).toEqual([]);
  });

  it("a supervisor opens 预约设置, adds a room's weekly hours and sees its slots", async () => {
    const { server } = suite;
    const { db } = server.server.services;
    const [school] = await db.select().from(schools).limit(1);
    const page = await (await suite.newContext(countyAdmin())).newPage();
    await signInAdmin(page, server, "supervisor");
    await page.getByRole("menuitem", { name: "预约设置" }).click();
    await page.getByRole("heading", { name: "预约设置" }).waitFor();
    await page.getByRole("button", { name: "新建辅导室" }).click();
    const dialog = page.getByRole("dialog");
    await pickOption(page, dialog.getByRole("combobox", { name: "学校" }), school!.name);
    await dialog.getByLabel("名称").fill("二楼谈心室");
    await dialog.getByRole("button", { name: "添加一段开放时间" }).click();
    // Tomorrow's weekday in the county (1 = Monday … 7 = Sunday), 09:00–11:00: two 50-minute slots a day.
    const tomorrow = new Date(server.clock.now().getTime() + 8 * 3600_000 + 86_400_000);
    const weekday = ((tomorrow.getUTCDay() + 6) % 7) + 1;
    await pickOption(page, dialog.getByRole("combobox", { name: "星期" }), ["周一", "周二", "周三", "周四", "周五", "周六", "周日"][weekday - 1]!);
    const start = dialog.getByPlaceholder("开始");
    await start.click();
    await start.fill("09:00");
    await start.press("Enter");
    const end = dialog.getByPlaceholder("结束");
    await end.fill("11:00");
    await end.press("Enter");
    await screenshot(page, "appointments-admin-4-room");
    await dialog.getByRole("button", { name: "保存" }).click();
    await dialog.waitFor({ state: "detached" });
    const row = page.getByRole("row").filter({ hasText: "二楼谈心室" });
    await row.getByText("09:00–11:00", { exact: false }).waitFor();
    await row.getByRole("button", { name: "时段" }).click();
    const drawer = page.locator(".ant-drawer");
    await drawer.getByText("二楼谈心室 的时段").waitFor();
    await drawer.getByText("可预约", { exact: true }).first().waitFor();
    await screenshot(page, "appointments-admin-5-slots");

    const [room] = await db.select().from(counsellingRooms).where(eq(counsellingRooms.name, "二楼谈心室"));
    expect(room!.weeklyHours).toEqual([{ weekday, start: "09:00", end: "11:00" }]);
    const rows = await db.select().from(appointmentSlots).where(eq(appointmentSlots.roomId, room!.id));
    // Two weeks ahead: that weekday twice, two slots each (09:00–09:50, 09:50–10:40).
    expect(rows).toHaveLength(4);
    expect(rows.map((slot) => slot.priceFen)).toEqual([0, 0, 0, 0]);
    await expect(drawer.getByText("可预约", { exact: true }).count()).resolves.toBe(4);
  });
  it("the room's counsellor sees it in 预约日程, marks it attended once it started and writes the session record", async () => {
    const { server } = suite;
    const { db } = server.server.services;
    // The session began ten minutes ago (the server's clock and the page's; this test runs last).
    server.clock.advance(40 * 60_000);
    const context = await suite.newContext(countyAdmin());
    const page = await context.newPage();
    await page.clock.install({ time: server.clock.now() });
    await signInAdmin(page, server, "counsellor");
    await page.getByRole("menuitem", { name: "预约日程" }).click();
    await page.getByRole("heading", { name: "预约日程" }).waitFor();
    await showDay(page, countyDay(freeSlot.startsAt)); // today, unless the half hour crossed midnight
    const row = page.getByRole("row").filter({ hasText: student.me.alias });
    await row.waitFor();
    await row.getByText("想聊聊学习压力").waitFor();
    await row.getByText("已预约", { exact: true }).waitFor();
    await row.getByRole("button", { name: "到访" }).click();
    await row.getByText("已到访", { exact: true }).waitFor();
    await row.getByRole("button", { name: "写记录" }).click();
    const dialog = page.getByRole("dialog");
    await pickTreeOption(page, dialog.getByRole("combobox", { name: "面询原因分类" }), "学业与学校");
    await dialog.getByText("风险评估", { exact: true }).click(); // closes the tree dropdown
    await dialog.getByText("低风险", { exact: true }).click();
    await dialog.getByLabel("记录摘要").fill("聊了期中考试的压力，约好下周再来");
    await screenshot(page, "appointments-admin-1-record");
    await dialog.getByRole("button", { name: "保存记录" }).click();
    await dialog.waitFor({ state: "detached" });
    await row.getByText("已写记录", { exact: true }).waitFor();
    await screenshot(page, "appointments-admin-2-day");

    const [booking] = await db.select().from(bookings).where(eq(bookings.slotId, freeSlot.id));
    expect(booking).toMatchObject({ status: "attended" });
    expect(booking!.contactId).not.toBeNull();
    // The student sees it as attended.
    const mine = await api<BookingView[]>(server, "GET", "/appointments/bookings", student.token);
    expect(mine[0]!.status).toBe("attended");
  });

});
