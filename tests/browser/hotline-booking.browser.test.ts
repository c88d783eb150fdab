/**
 * A call-back booked while the line is closed: nobody is on shift now, a counsellor is rostered in two
 * hours. A student opens the H5 app (the real build) and finds the line resting, with no "I'll call"
 * option but the windows the server offers from the roster; they pick one, leave a number, and wait for
 * that window. Needs the H5 build: npm run build:h5 -w miniapp.
 */
import { eq } from "drizzle-orm";
import type { CallerTicketView, HotlineStatusView } from "@xinyuan/shared";
import { hotlineShifts, staff } from "../../server/src/db/schema";
import { screenshot } from "../support/browser";
import { clearRoster } from "../support/hotlineFixtures";
import { api, browserSuite } from "./support/browserSuite";
import { newPhoneContext, openH5Student, tap } from "./support/h5Student";

describe("hotline: booking a call-back while the line is closed (H5)", () => {
  const suite = browserSuite({ h5: true });

  it("offers the roster's windows and books the one the student picks", async () => {
    const { server } = suite;
    const { db } = server.server.services;
    const [counsellor] = await db.select().from(staff).where(eq(staff.username, "hotline"));
    await clearRoster(db);
    const opensAt = new Date(server.clock.now().getTime() + 2 * 3600_000);
    await db.insert(hotlineShifts).values({ staffId: counsellor!.id, startsAt: opensAt, endsAt: new Date(opensAt.getTime() + 4 * 3600_000) });
    const status = await api<HotlineStatusView>(server, "GET", "/hotline/status", null);
    expect(status.open).toBe(false);
    expect(status.callbackWindows.length).toBeGreaterThanOrEqual(2);
    const [offered, alsoOffered] = status.callbackWindows as [HotlineStatusView["callbackWindows"][number], HotlineStatusView["callbackWindows"][number]];

    const student = await openH5Student(suite.track(await newPhoneContext(suite.browser)), server);
    const h5 = student.page;
    await tap(h5, "热线排队 / 回拨");
    await h5.getByText("热线现在在休息").waitFor();
    await h5.getByText("也可以预约一个时间，热线开放后老师给你回电").waitFor();
    await expect(h5.getByText("我自己拨打热线", { exact: true }).count()).resolves.toBe(0);
    await h5.getByText(alsoOffered.label, { exact: true }).waitFor();
    await h5.locator('input[placeholder^="手机号或带区号的座机"]').fill("13800138000");
    await tap(h5, offered.label);
    await screenshot(h5, "hotline-h5-booking-closed");
    await tap(h5, "提交，等老师回电");
    await h5.getByText("到了你选的时间段，你就会排进队伍。", { exact: false }).waitFor();

    const { ticket } = await api<{ ticket: CallerTicketView }>(server, "GET", "/hotline/tickets/current", student.token);
    expect(ticket).toMatchObject({ kind: "callback", status: "waiting", position: null, window: { start: offered.start, end: offered.end } });
    expect(student.pageErrors).toEqual([]);
  });
});
