import { count, eq } from "drizzle-orm";
import type { HotlineStatusView } from "@xinyuan/shared";
import { hotlineHolidays, hotlineShifts, hotlineTickets, staffLeave } from "../db/schema";
import { callbackWindowOptions } from "./callbackWindowOptions";
import { checkCallbackWindow } from "./callbackWindowRules";
import { countyInstant } from "./countyTime";
import type { HotlineConfig } from "./hotlineConfig";
import { createTestApp, type TestApp } from "../../../tests/support/testApp";
import { buildStaff } from "../../../tests/support/factories";
import { signInConsentedUser } from "../../../tests/support/userSession";
import { clearRoster } from "../../../tests/support/hotlineFixtures";

describe("call-back windows", () => {
  let t: TestApp;
  beforeAll(async () => {
    // the HTTP test books around the real time of day; the unit tests pass 08:00–22:00 themselves
    t = await createTestApp({ HOTLINE_SERVICE_HOURS: "00:00-24:00" });
  });
  afterAll(() => t.close());
  beforeEach(() => clearRoster(t.db));
  const config = (mode: "roster" | "fixed" = "roster"): HotlineConfig => ({ ...t.services.config.hotline, openMode: mode, serviceHours: { start: "08:00", end: "22:00" } });
  // Wednesday 2031-05-14 in county time
  const at = (time: string, date = "2031-05-14") => countyInstant(date, time);
  const iso = (time: string, date?: string) => at(time, date).toISOString();
  const shift = async (startsAt: Date, endsAt: Date) => {
    const member = await buildStaff(t.db, { roles: ["counsellor"], scope: "county" });
    await t.db.insert(hotlineShifts).values({ staffId: member.id, startsAt, endsAt });
    return member;
  };
  const offered = async (now: Date, mode: "roster" | "fixed" = "roster") => (await callbackWindowOptions(t.db, config(mode), now)).map(({ label, start, end }) => ({ label, start, end }));

  describe("callbackWindowOptions", () => {
    it("offers the next hour while someone is on shift, then two-hour slots on the hour until the shift ends", async () => {
      await shift(at("18:00"), at("22:00"));
      expect(await offered(at("18:07"))).toEqual([
        { label: "接下来 1 小时内", start: iso("18:07"), end: iso("19:07") },
        { label: "今天 19:00–21:00", start: iso("19:00"), end: iso("21:00") },
        { label: "今天 21:00–22:00", start: iso("21:00"), end: iso("22:00") },
      ]);
    });

    it("offers only what is left when the shift ends within the hour, and nothing once too little is left", async () => {
      await shift(at("18:00"), at("19:00"));
      expect(await offered(at("18:15"))).toEqual([{ label: "接下来 45 分钟内", start: iso("18:15"), end: iso("19:00") }]);
      expect(await offered(at("18:30"))).toEqual([]);
    });

    it("while the line is closed, offers the coming shifts of today and tomorrow; a short tail joins the slot before", async () => {
      await shift(at("09:30"), at("13:00"));
      await shift(at("08:00", "2031-05-15"), at("10:20", "2031-05-15"));
      expect(await offered(at("07:00"))).toEqual([
        { label: "今天 09:30–11:00", start: iso("09:30"), end: iso("11:00") },
        { label: "今天 11:00–13:00", start: iso("11:00"), end: iso("13:00") },
        { label: "明天 08:00–10:20", start: iso("08:00", "2031-05-15"), end: iso("10:20", "2031-05-15") },
      ]);
    });

    it("leaves out a counsellor's leave, names the day after tomorrow, says 次日 across midnight, and looks no further", async () => {
      const member = await shift(at("19:00"), at("21:00"));
      await t.db.insert(staffLeave).values({ staffId: member.id, startsAt: at("00:00"), endsAt: at("23:59") });
      await shift(at("23:00", "2031-05-16"), at("01:00", "2031-05-17"));
      await shift(at("08:00", "2031-05-17"), at("10:00", "2031-05-17"));
      // outside the 08:00–22:00 service hours nobody rings a student, whoever is rostered
      expect(await offered(at("07:00"))).toEqual([]);
      const allDay: HotlineConfig = { ...config(), serviceHours: { start: "00:00", end: "24:00" } };
      const aroundTheClock = (await callbackWindowOptions(t.db, allDay, at("07:00"))).map(({ label, start, end }) => ({ label, start, end }));
      expect(aroundTheClock).toEqual([{ label: "后天 23:00–次日 01:00", start: iso("23:00", "2031-05-16"), end: iso("01:00", "2031-05-17") }]);
    });

    it("in fixed mode offers the service hours of non-holidays, at most six windows", async () => {
      const windows = await offered(at("21:00"), "fixed");
      expect(windows.map((window) => window.label)).toEqual(["接下来 1 小时内", "明天 08:00–10:00", "明天 10:00–12:00", "明天 12:00–14:00", "明天 14:00–16:00", "明天 16:00–18:00"]);
      await t.db.insert(hotlineHolidays).values({ date: "2031-05-15", name: "测试假日" });
      expect((await offered(at("22:30"), "fixed"))[0]?.label).toBe("后天 08:00–10:00");
    });

    it("offers only windows that a booking is accepted for", async () => {
      await shift(at("08:40"), at("12:10"));
      await shift(at("17:50"), at("23:30"));
      const now = at("08:55");
      const windows = await callbackWindowOptions(t.db, config(), now);
      expect(windows.length).toBeGreaterThanOrEqual(5);
      for (const window of windows) await expect(checkCallbackWindow(t.db, config(), now, window)).resolves.toBeDefined();
    });
  });

  describe("checkCallbackWindow", () => {
    it("refuses a window outside the service hours even when someone is rostered then", async () => {
      await shift(at("21:00"), at("23:59"));
      await expect(checkCallbackWindow(t.db, config(), at("20:00"), { start: iso("22:00"), end: iso("23:30") })).rejects.toMatchObject({ code: "HOTLINE_WINDOW_NOT_STAFFED" });
      await expect(checkCallbackWindow(t.db, config(), at("20:00"), { start: iso("21:00"), end: iso("22:30") })).resolves.toEqual({ start: at("21:00"), end: at("22:30") });
    });

    it("refuses a window with less than 30 staffed minutes, and one nobody is rostered for", async () => {
      await shift(at("09:00"), at("09:20"));
      await expect(checkCallbackWindow(t.db, config(), at("08:00"), { start: iso("09:00"), end: iso("10:00") })).rejects.toMatchObject({ code: "HOTLINE_WINDOW_NOT_STAFFED", status: 409 });
      await expect(checkCallbackWindow(t.db, config(), at("08:00"), { start: iso("19:00"), end: iso("21:00") })).rejects.toMatchObject({ code: "HOTLINE_WINDOW_NOT_STAFFED" });
      await shift(at("09:20"), at("10:00"));
      await expect(checkCallbackWindow(t.db, config(), at("08:00"), { start: iso("09:00"), end: iso("10:00") })).resolves.toEqual({ start: at("09:00"), end: at("10:00") });
    });

    it("answers each of a burst of windows checked at once on its own (one schedule read serves them all)", async () => {
      await shift(at("13:00"), at("15:00"));
      const results = await Promise.allSettled([
        checkCallbackWindow(t.db, config(), at("08:00"), { start: iso("13:00"), end: iso("14:00") }),
        checkCallbackWindow(t.db, config(), at("08:00"), { start: iso("16:00"), end: iso("17:00") }),
        checkCallbackWindow(t.db, config(), at("08:00"), { start: iso("14:30"), end: iso("16:30") }),
        checkCallbackWindow(t.db, config(), at("08:00"), { start: iso("10:00"), end: iso("10:10") }),
      ]);
      expect(results[0]).toEqual({ status: "fulfilled", value: { start: at("13:00"), end: at("14:00") } });
      expect(results[1]).toMatchObject({ status: "rejected", reason: { code: "HOTLINE_WINDOW_NOT_STAFFED" } });
      expect(results[2]).toMatchObject({ status: "fulfilled", value: { start: at("14:30"), end: at("16:30") } });
      expect(results[3]).toMatchObject({ status: "rejected", reason: { code: "HOTLINE_WINDOW_INVALID" } });
    });
  });

  describe("over HTTP", () => {
    it("lists the windows on the status page and refuses an unstaffed one with a kind message, writing nothing", async () => {
      const now = t.clock.now();
      await shift(new Date(now.getTime() - 3600_000), new Date(now.getTime() + 3 * 3600_000));
      const status = (await t.request.get("/api/v1/hotline/status").expect(200)).body as HotlineStatusView;
      expect(status.open).toBe(true);
      const soon = status.callbackWindows[0]!;
      expect(soon.label).toBe("接下来 1 小时内");
      expect(Date.parse(soon.start) - now.getTime()).toBeGreaterThanOrEqual(0);
      expect(Date.parse(soon.start) - now.getTime()).toBeLessThan(10_000);
      expect(Date.parse(soon.end) - Date.parse(soon.start)).toBe(3600_000);

      const user = await signInConsentedUser(t);
      const ticketsBefore = (await t.db.select({ value: count() }).from(hotlineTickets))[0]!.value;
      const unstaffed = { start: new Date(now.getTime() + 5 * 3600_000).toISOString(), end: new Date(now.getTime() + 6 * 3600_000).toISOString() };
      const refused = await t.request.post("/api/v1/hotline/tickets").set(user.auth).send({ kind: "callback", phone: "13700001234", window: unstaffed }).expect(409);
      expect(refused.body.error).toMatchObject({ code: "HOTLINE_WINDOW_NOT_STAFFED", message: expect.stringContaining("换一个时间段") });
      expect((await t.db.select({ value: count() }).from(hotlineTickets))[0]!.value).toBe(ticketsBefore);

      const offeredWindow = status.callbackWindows[1]!;
      const booked = await t.request.post("/api/v1/hotline/tickets").set(user.auth).send({ kind: "callback", phone: "13700001234", window: { start: offeredWindow.start, end: offeredWindow.end } }).expect(201);
      const [row] = await t.db.select().from(hotlineTickets).where(eq(hotlineTickets.id, booked.body.id));
      expect(row?.windowEnd?.toISOString()).toBe(offeredWindow.end);
    });
  });
});
