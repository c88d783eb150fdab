import type { CoverageView, HotlineStatusView, ShiftView } from "@xinyuan/shared";
import { hotlineHolidays, hotlineShifts, staffLeave } from "../db/schema";
import { hotlineOpenState } from "./hotlineSchedule";
import { addDays, countyDateOf, countyInstant } from "./countyTime";
import type { HotlineConfig } from "./hotlineConfig";
import { createTestApp, type TestApp } from "../../../tests/support/testApp";
import { buildStaff } from "../../../tests/support/factories";
import { signInConsentedUser } from "../../../tests/support/userSession";
import { clearRoster, staffAuth } from "../../../tests/support/hotlineFixtures";

describe("hotline opening hours and roster", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ HOTLINE_SERVICE_HOURS: "08:00-22:00" });
  });
  afterAll(() => t.close());
  beforeEach(() => clearRoster(t.db));
  const config = (mode: "roster" | "fixed"): HotlineConfig => ({ ...t.services.config.hotline, openMode: mode, serviceHours: { start: "08:00", end: "22:00" } });
  // Wednesday 2031-05-14 in county time
  const at = (time: string, date = "2031-05-14") => countyInstant(date, time);
  const counsellor = () => buildStaff(t.db, { roles: ["counsellor"], scope: "county" });

  describe("hotlineOpenState", () => {
    it("opens while someone is on shift and says when it opens next (roster mode)", async () => {
      const member = await counsellor();
      await t.db.insert(hotlineShifts).values({ staffId: member.id, startsAt: at("09:00"), endsAt: at("13:00") });
      expect(await hotlineOpenState(t.db, config("roster"), at("08:30"))).toEqual({ open: false, reason: null, nextOpenAt: at("09:00") });
      expect(await hotlineOpenState(t.db, config("roster"), at("10:00"))).toMatchObject({ open: true, reason: "roster" });
      expect((await hotlineOpenState(t.db, config("roster"), at("13:00"))).open).toBe(false);
    });

    it("does not count a shift of a counsellor on leave", async () => {
      const member = await counsellor();
      await t.db.insert(hotlineShifts).values({ staffId: member.id, startsAt: at("09:00"), endsAt: at("13:00") });
      await t.db.insert(staffLeave).values({ staffId: member.id, startsAt: at("00:00"), endsAt: at("11:00") });
      expect((await hotlineOpenState(t.db, config("roster"), at("10:00"))).open).toBe(false);
      expect(await hotlineOpenState(t.db, config("roster"), at("10:00"))).toMatchObject({ nextOpenAt: at("11:00") });
      expect((await hotlineOpenState(t.db, config("roster"), at("12:00"))).open).toBe(true);
    });

    it("in fixed mode also opens during the configured hours, except on holidays", async () => {
      expect(await hotlineOpenState(t.db, config("fixed"), at("08:30"))).toMatchObject({ open: true, reason: "fixed_hours" });
      expect(await hotlineOpenState(t.db, config("fixed"), at("23:00"))).toEqual({ open: false, reason: null, nextOpenAt: at("08:00", "2031-05-15") });
      await t.db.insert(hotlineHolidays).values({ date: "2031-05-14", name: "测试假日" });
      expect((await hotlineOpenState(t.db, config("fixed"), at("08:30"))).open).toBe(false);
    });
  });

  describe("joining a closed line", () => {
    it("refuses an 'I'll call' ticket kindly and points to other help; books a call-back for after opening", async () => {
      const status = (await t.request.get("/api/v1/hotline/status").expect(200)).body as HotlineStatusView;
      expect(status).toMatchObject({ open: false, nextOpenAt: null, longWait: true });
      expect(status.fallbackHelplines.map((line) => line.number)).toContain("12356");
      expect(status.emergencyLines.map((line) => line.number)).toEqual(["110", "120"]);
      const user = await signInConsentedUser(t);
      const refused = await t.request.post("/api/v1/hotline/tickets").set(user.auth).send({ kind: "inbound" }).expect(409);
      expect(refused.body.error).toMatchObject({ code: "HOTLINE_CLOSED", message: expect.stringContaining("12356") });

      const member = await counsellor();
      // tomorrow 10:00 county time: inside the service hours whenever this runs
      const opensAt = countyInstant(addDays(countyDateOf(t.clock.now()), 1), "10:00");
      await t.db.insert(hotlineShifts).values({ staffId: member.id, startsAt: opensAt, endsAt: new Date(opensAt.getTime() + 4 * 3600_000) });
      const window = { start: new Date(opensAt.getTime() - 3600_000).toISOString(), end: new Date(opensAt.getTime() + 3600_000).toISOString() };
      const booked = await t.request.post("/api/v1/hotline/tickets").set(user.auth).send({ kind: "callback", phone: "13700001234", window }).expect(201);
      expect(booked.body).toMatchObject({ status: "waiting", position: null });
    });
  });

  describe("roster routes", () => {
    it("lets an admin roster shifts, refuses overlaps and ineligible staff, and copies a week skipping holidays", async () => {
      const admin = await staffAuth(t.db, await buildStaff(t.db, { roles: ["centre_admin"], scope: "county" }));
      const member = await counsellor();
      const monday = "2031-05-12";
      const created = await t.request.post("/api/v1/hotline/roster/shifts").set(admin).send({ staffId: member.id, startsAt: countyInstant(monday, "08:00").toISOString(), endsAt: countyInstant(monday, "14:00").toISOString() }).expect(201);
      expect(created.body).toMatchObject({ staffId: member.id, onLeave: false });
      await t.request.post("/api/v1/hotline/roster/shifts").set(admin).send({ staffId: member.id, startsAt: countyInstant("2031-05-13", "08:00").toISOString(), endsAt: countyInstant("2031-05-13", "14:00").toISOString() }).expect(201);
      const overlap = await t.request.post("/api/v1/hotline/roster/shifts").set(admin).send({ staffId: member.id, startsAt: countyInstant(monday, "12:00").toISOString(), endsAt: countyInstant(monday, "16:00").toISOString() }).expect(409);
      expect(overlap.body.error.code).toBe("ROSTER_SHIFT_OVERLAP");
      const schoolCounsellor = await buildStaff(t.db, { roles: ["counsellor"], scope: "school" });
      const ineligible = await t.request.post("/api/v1/hotline/roster/shifts").set(admin).send({ staffId: schoolCounsellor.id, startsAt: countyInstant(monday, "15:00").toISOString(), endsAt: countyInstant(monday, "16:00").toISOString() }).expect(400);
      expect(ineligible.body.error.code).toBe("ROSTER_STAFF_NOT_ELIGIBLE");

      await t.request.put("/api/v1/hotline/roster/holidays").set(admin).send({ date: "2031-05-20", name: "调休" }).expect(200);
      const copied = await t.request.post("/api/v1/hotline/roster/copy-week").set(admin).send({ fromWeekStart: monday, toWeekStart: "2031-05-19" }).expect(200);
      expect(copied.body).toEqual({ copied: 1, skipped: 1 });
      const again = await t.request.post("/api/v1/hotline/roster/copy-week").set(admin).send({ fromWeekStart: monday, toWeekStart: "2031-05-19" }).expect(200);
      expect(again.body).toEqual({ copied: 0, skipped: 2 });
      const week = (await t.request.get("/api/v1/hotline/roster/shifts").query({ from: countyInstant("2031-05-19").toISOString(), to: countyInstant("2031-05-26").toISOString() }).set(admin).expect(200)).body as ShiftView[];
      expect(week.map((shift) => shift.startsAt)).toEqual([countyInstant("2031-05-19", "08:00").toISOString()]);

      const counsellorAuth = await staffAuth(t.db, member);
      await t.request.get("/api/v1/hotline/roster/shifts").query({ from: countyInstant(monday).toISOString(), to: countyInstant("2031-05-19").toISOString() }).set(counsellorAuth).expect(200);
      await t.request.post("/api/v1/hotline/roster/shifts").set(counsellorAuth).send({ staffId: member.id, startsAt: countyInstant(monday, "20:00").toISOString(), endsAt: countyInstant(monday, "21:00").toISOString() }).expect(403);
      const editor = await staffAuth(t.db, await buildStaff(t.db, { roles: ["editor"], scope: "county" }));
      await t.request.get("/api/v1/hotline/roster/coverage").set(editor).expect(403);
    });

    it("highlights the coming week's gaps in the staffed hours, net of leave and holidays", async () => {
      const admin = await staffAuth(t.db, await buildStaff(t.db, { roles: ["supervisor"], scope: "county" }));
      const member = await counsellor();
      await t.db.insert(hotlineShifts).values([
        { staffId: member.id, startsAt: at("08:00"), endsAt: at("15:00") },
        { staffId: member.id, startsAt: at("08:00", "2031-05-15"), endsAt: at("22:00", "2031-05-15") },
      ]);
      await t.db.insert(staffLeave).values({ staffId: member.id, startsAt: at("12:00", "2031-05-15"), endsAt: at("13:00", "2031-05-15") });
      await t.db.insert(hotlineHolidays).values({ date: "2031-05-16", name: "测试假日" });
      const coverage = (await t.request.get("/api/v1/hotline/roster/coverage").query({ from: at("00:00").toISOString(), days: 3 }).set(admin).expect(200)).body as CoverageView;
      expect(coverage.gaps).toEqual([
        { startsAt: at("15:00").toISOString(), endsAt: at("22:00").toISOString(), minutes: 420 },
        { startsAt: at("12:00", "2031-05-15").toISOString(), endsAt: at("13:00", "2031-05-15").toISOString(), minutes: 60 },
      ]);
      expect(coverage.holidays).toEqual([{ date: "2031-05-16", name: "测试假日" }]);
    });
  });
});
