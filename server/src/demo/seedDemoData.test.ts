import { asc, eq } from "drizzle-orm";
import type { BookingDirectoryView, PublicationReadView, PublishingHomeView, SlotView } from "@xinyuan/shared";
import { hotlineShifts, schools, staff } from "../db/schema";
import { seedDemoData } from "./seedDemoData";
import { openIntervals } from "../hotline/hotlineSchedule";
import { demoCampaignTitle } from "../publishing/demoMayMonth";
import { createTestApp, type TestApp } from "../../../tests/support/testApp";
import { signInConsentedUser } from "../../../tests/support/userSession";

const hourMs = 3600_000;

/**
 * What someone trying `npm start` finds: not empty pages but the county's counselling rooms and experts
 * with free and paid times over the next two weeks, the May month's content on the home, and a hotline
 * rota of real day/evening/night shifts that still leaves no hour unstaffed.
 */
describe("demo data (npm start)", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    const accounts = await seedDemoData(t.services);
    expect(accounts.map((account) => account.username)).toContain("hotline2");
  });
  afterAll(() => t.close());

  it("offers free and paid expert times and a school's counselling room over the next two weeks", async () => {
    const [school] = await t.db.select().from(schools).where(eq(schools.name, "渠县中学"));
    const parent = await signInConsentedUser(t, { role: "parent", schoolId: school!.id });
    const directory = (await t.request.get("/api/v1/appointments/directory").set(parent.auth).expect(200)).body as BookingDirectoryView;
    expect(directory.rooms.map((room) => room.name)).toEqual(["心理辅导室（知心屋）"]);
    expect(directory.experts).toHaveLength(3);
    expect(directory.experts.filter((expert) => expert.priceFen > 0).map((expert) => expert.name)).toEqual(["何静"]);

    const now = t.clock.now().getTime();
    const slotsOf = async (query: string) => (await t.request.get(`/api/v1/appointments/slots?${query}`).set(parent.auth).expect(200)).body as SlotView[];
    const roomSlots = await slotsOf(`schoolId=${school!.id}`);
    expect(roomSlots.length).toBeGreaterThanOrEqual(10);
    for (const expert of directory.experts) {
      const slots = await slotsOf(`expertId=${expert.id}`);
      expect(slots.length).toBeGreaterThanOrEqual(2);
      expect(slots.every((slot) => slot.priceFen === expert.priceFen)).toBe(true);
      const starts = slots.map((slot) => Date.parse(slot.startsAt));
      expect(Math.min(...starts)).toBeGreaterThan(now);
      expect(Math.max(...starts)).toBeLessThan(now + 15 * 24 * hourMs);
    }
  });

  it("puts the May month on the home: the campaign takes it over, with articles, materials and events open for sign-up", async () => {
    const home = (await t.request.get("/api/v1/publishing/home").expect(200)).body as PublishingHomeView;
    expect(home.campaign?.title).toBe(demoCampaignTitle);
    const kinds = new Set(home.items.map((item) => item.kind));
    for (const kind of ["notice", "article", "material"]) expect(kinds).toContain(kind);
    expect(home.items.every((item) => item.campaignId === home.campaign!.id)).toBe(true);

    // Events are for students or parents; a student sees theirs, open for sign-up now.
    const student = await signInConsentedUser(t);
    const studentHome = (await t.request.get("/api/v1/publishing/home").set(student.auth).expect(200)).body as PublishingHomeView;
    const events = studentHome.items.filter((item) => item.kind === "event");
    expect(events.length).toBeGreaterThanOrEqual(1);
    const now = t.clock.now().getTime();
    for (const { event } of events) {
      expect(Date.parse(event!.signupOpensAt)).toBeLessThanOrEqual(now);
      expect(Date.parse(event!.signupClosesAt)).toBeGreaterThan(now);
      expect(Date.parse(event!.startsAt)).toBeGreaterThan(Date.parse(event!.signupClosesAt));
    }
    await t.request.post(`/api/v1/publishing/events/${events[0]!.id}/signups`).set(student.auth).send({}).expect(201);

    // Every piece reads in full, with the help numbers at the end.
    const article = (await t.request.get(`/api/v1/publishing/articles/${home.items.find((item) => item.kind === "article")!.id}`).set(student.auth).expect(200)).body as PublicationReadView;
    expect(article.bodyHtml).toContain("<p>");
    expect(article.helplines.map((line) => line.number)).toContain("12356");
  });

  it("rosters eight-hour day, evening and night shifts that leave no hour of the next two weeks unstaffed", async () => {
    const shifts = await t.db.select({ shift: hotlineShifts, username: staff.username }).from(hotlineShifts).innerJoin(staff, eq(staff.id, hotlineShifts.staffId)).orderBy(asc(hotlineShifts.startsAt));
    expect(shifts.length).toBe(45);
    for (const { shift } of shifts) expect(shift.endsAt.getTime() - shift.startsAt.getTime()).toBe(8 * hourMs);
    expect(new Set(shifts.map((row) => row.username))).toEqual(new Set(["hotline", "hotline2", "supervisor"]));
    // Nobody works two shifts back to back.
    const byPerson = new Map<string, Array<{ start: number; end: number }>>();
    for (const { shift, username } of shifts) byPerson.set(username, [...(byPerson.get(username) ?? []), { start: shift.startsAt.getTime(), end: shift.endsAt.getTime() }]);
    for (const own of byPerson.values()) for (let index = 1; index < own.length; index += 1) expect(own[index]!.start - own[index - 1]!.end).toBeGreaterThanOrEqual(8 * hourMs);

    const from = t.clock.now();
    const to = new Date(from.getTime() + 13 * 24 * hourMs);
    expect(await openIntervals(t.db, t.services.config.hotline, from, to)).toEqual([{ start: from.getTime(), end: to.getTime() }]);
    // At every hour exactly one counsellor is on shift.
    for (let at = from.getTime(); at < to.getTime(); at += hourMs) {
      expect(shifts.filter(({ shift }) => shift.startsAt.getTime() <= at && shift.endsAt.getTime() > at)).toHaveLength(1);
    }
  });

  it("is loaded once: a second start adds nothing", async () => {
    expect(await seedDemoData(t.services)).toEqual([]);
    expect(await t.db.select().from(hotlineShifts)).toHaveLength(45);
  });
});
