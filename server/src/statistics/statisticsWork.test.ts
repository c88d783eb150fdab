import { randomUUID } from "node:crypto";
import ExcelJS from "exceljs";
import { sealed } from "../crypto/sealedColumns";
import type { LetterFigures, StatisticsView } from "@xinyuan/shared";
import { and, eq } from "drizzle-orm";
import {
  activityReports,
  appUsers,
  caseEvents,
  caseReferrals,
  counsellingRooms,
  crisisCases,
  hotlineHolidays,
  letterMessages,
  letters,
  mailboxes,
  mailboxMembers,
  publicationReadsDaily,
  publications,
  referralInstitutions,
} from "../db/schema";
import { countyDateOf, countyInstant } from "../hotline/countyTime";
import { flushPublicationReads } from "../publishing/publicationReadCounter";
import { createTestApp, type TestApp } from "../../../tests/support/testApp";
import { buildArea, buildSchool, buildStaff } from "../../../tests/support/factories";
import { buildSignedInStaff } from "../../../tests/support/staffSession";

/**
 * Hand-counted fixture for letters, cases and the plan's indicators, May 2026 against 31 March – 30 April.
 * Calendar: 1 May is a Friday, 4 May (Monday) a holiday; every box answers within 3 working days, so a
 * letter of Friday 1 May falls due Thursday 7 May 18:00 (5, 6, 7 May), one of Wednesday 13 May on Monday
 * 18 May, one of Friday 15 May on Wednesday 20 May.
 *
 * Letters (working days to the first teacher's reply in brackets):
 *   school box of A1: 8 in May on 1 May — on time 1 May (0), 5 May (1), 5 May (1), 6 May (2), 7 May 17:59 (3);
 *                     late 7 May 18:30 (3), 8 May (4, though its moved due_at is later); 1 never answered.
 *                     5 in April (15th), answered the same day (previous period).
 *   area box of A:    5 on 13 May, all answered 14 May (1).
 *   county box:       2 on 15 May, answered 22 May (5): late.
 *   school box of B1: 1 on 20 May, never answered.
 *   1 letter on 1 June to A1: outside.
 * Cases:
 *   A1: 6 opened 10 May 10:00 — 4 taken after 2 minutes, 1 handed over after 4, 1 taken after 10; the first
 *       five referred in May (the first twice). 5 opened 20 April, taken after 1 minute; 4 of them and the
 *       one taken late closed in May.
 *   B1: 1 opened 11 May, never owned.
 * Indicators: A1 has a school mailbox with an active member and a room with weekly hours, 2 activities in
 *   May (100 and 50 people) and 1 in April (30); A2 a mailbox whose only member is disabled and a room
 *   without hours; B1 a mailbox without members, an inactive room with hours, 1 activity in May (20).
 *   Content: 3 county items and 1 of A1 published in May, 1 in April; reads 10 + 7 in May, 4 in April.
 */
const everyone = { scope: "county", roles: [], stages: [], areaIds: [], schoolIds: [] };

describe("statistics: letters, cases and the plan's indicators", () => {
  let t: TestApp;
  let places: { areaA: string; areaB: string; a1: string; a2: string; b1: string };
  const may = { from: "2026-05-01", to: "2026-05-31" };

  beforeAll(async () => {
    t = await createTestApp();
    const areaA = await buildArea(t.db, { name: "工作片区甲" });
    const areaB = await buildArea(t.db, { name: "工作片区乙" });
    const a1 = await buildSchool(t.db, { name: "工作一中", areaId: areaA.id, stage: "junior" });
    const a2 = await buildSchool(t.db, { name: "工作二小", areaId: areaA.id, stage: "primary" });
    const b1 = await buildSchool(t.db, { name: "工作三中", areaId: areaB.id, stage: "senior" });
    places = { areaA: areaA.id, areaB: areaB.id, a1: a1.id, a2: a2.id, b1: b1.id };
    const teacher = await buildStaff(t.db, { roles: ["counsellor"], scope: "school", schoolId: a1.id, areaId: areaA.id });
    const gone = await buildStaff(t.db, { roles: ["counsellor"], scope: "school", schoolId: a2.id, areaId: areaA.id, status: "disabled" });
    await t.db.insert(hotlineHolidays).values({ date: "2026-05-04", name: "劳动节调休" }).onConflictDoNothing();

    const box = async (values: typeof mailboxes.$inferInsert) => (await t.db.insert(mailboxes).values(values).returning())[0]!;
    const a1Box = await box({ kind: "school", schoolId: a1.id, name: "工作一中信箱", replyWorkingDays: 3 });
    const a2Box = await box({ kind: "school", schoolId: a2.id, name: "工作二小信箱", replyWorkingDays: 3 });
    const b1Box = await box({ kind: "school", schoolId: b1.id, name: "工作三中信箱", replyWorkingDays: 3 });
    const areaBox = await box({ kind: "area", areaId: areaA.id, name: "工作片区甲信箱", replyWorkingDays: 3 });
    await t.db.insert(mailboxes).values({ kind: "county", name: "县中心信箱" }).onConflictDoNothing();
    const [countyBox] = await t.db.update(mailboxes).set({ replyWorkingDays: 3 }).where(eq(mailboxes.kind, "county")).returning();
    await t.db.insert(mailboxMembers).values([
      { mailboxId: a1Box.id, staffId: teacher.id },
      { mailboxId: a2Box.id, staffId: gone.id },
    ]);

    const [writer] = await t.db.insert(appUsers).values({ alias: "统计来信人" }).returning();
    let serial = 0;
    const letter = async (target: typeof a1Box, at: Date, replies: Date[], dueAt?: Date) => {
      serial += 1;
      const id = randomUUID();
      const [row] = await t.db
        .insert(letters)
        .values({
          id,
          userId: writer!.id,
          alias: "统计来信人",
          writerRole: "student",
          mailboxId: target.id,
          mailboxKind: target.kind,
          boxSchoolId: target.kind === "school" ? target.schoolId : null,
          boxAreaId: target.kind === "school" ? (target.schoolId === b1.id ? areaB.id : areaA.id) : target.areaId,
          handlingMailboxId: target.id,
          handlingMailboxKind: target.kind,
          subjectEnc: t.services.cipher.encrypt("主题", sealed.letterSubject.at({ id })),
          bodyEnc: t.services.cipher.encrypt("内容", sealed.letterBody.at({ id })),
          status: replies.length ? "replied" : "delivered",
          dueAt: dueAt ?? new Date(at.getTime() + 5 * 86_400_000),
          clientSubmitId: `stat-${serial}`,
          createdAt: at,
          updatedAt: at,
        })
        .returning();
      const lines: Array<{ senderType: string; at: Date }> = [{ senderType: "writer", at }, { senderType: "system", at }, ...replies.map((reply) => ({ senderType: "staff", at: reply }))];
      // a later teacher's reply never changes the first one
      if (replies.length) lines.push({ senderType: "staff", at: countyInstant("2026-05-29", "09:00") });
      for (const [index, line] of lines.entries()) {
        await t.db.insert(letterMessages).values({
          letterId: row!.id,
          seq: index + 1,
          senderType: line.senderType,
          staffId: line.senderType === "staff" ? teacher.id : null,
          clientMessageId: `m-${serial}-${index}`,
          bodyEnc: t.services.cipher.encrypt("……", sealed.letterMessageBody.at({ letterId: row!.id, seq: index + 1 })),
          createdAt: line.at,
        });
      }
    };
    const may1 = countyInstant("2026-05-01", "10:00");
    for (const [day, clock] of [["2026-05-01", "15:00"], ["2026-05-05", "09:00"], ["2026-05-05", "11:00"], ["2026-05-06", "10:00"], ["2026-05-07", "17:59"]] as const) {
      await letter(a1Box, may1, [countyInstant(day, clock)]);
    }
    await letter(a1Box, may1, [countyInstant("2026-05-07", "18:30")]);
    await letter(a1Box, may1, [countyInstant("2026-05-08", "10:00")], countyInstant("2026-05-20", "18:00"));
    await letter(a1Box, may1, []);
    for (let i = 0; i < 5; i += 1) await letter(a1Box, countyInstant("2026-04-15", "09:00"), [countyInstant("2026-04-15", "16:00")]);
    for (let i = 0; i < 5; i += 1) await letter(areaBox, countyInstant("2026-05-13", "10:00"), [countyInstant("2026-05-14", "10:00")]);
    for (let i = 0; i < 2; i += 1) await letter(countyBox!, countyInstant("2026-05-15", "10:00"), [countyInstant("2026-05-22", "10:00")]);
    await letter(b1Box, countyInstant("2026-05-20", "10:00"), []);
    await letter(a1Box, countyInstant("2026-06-01", "10:00"), []);

    const counsellor = await buildStaff(t.db, { roles: ["counsellor"], scope: "county" });
    const openCase = async (schoolId: string, areaId: string, at: Date) =>
      (await t.db.insert(crisisCases).values({ subjectAlias: "统计个案", level: "crisis", status: "open", schoolId, areaId, sourceKind: "manual", openedAt: at, updatedAt: at }).returning())[0]!;
    const event = (caseId: string, kind: string, at: Date) => t.db.insert(caseEvents).values({ caseId, kind, actorId: counsellor.id, at });
    const minutes = (at: Date, n: number) => new Date(at.getTime() + n * 60_000);
    const [institution] = await t.db.insert(referralInstitutions).values({ name: "统计县医院", kind: "hospital" }).returning();
    const refer = (caseId: string, at: Date) => t.db.insert(caseReferrals).values({ caseId, institutionId: institution!.id, createdBy: counsellor.id, createdAt: at, updatedAt: at });
    const opened = countyInstant("2026-05-10", "10:00");
    for (let i = 0; i < 6; i += 1) {
      const row = await openCase(a1.id, areaA.id, opened);
      await event(row.id, "opened", opened);
      if (i < 4) await event(row.id, "taken", minutes(opened, 2));
      if (i === 4) await event(row.id, "handed_over", minutes(opened, 4));
      if (i === 5) {
        await event(row.id, "taken", minutes(opened, 10));
        await t.db.update(crisisCases).set({ status: "closed", closedAt: countyInstant("2026-05-25", "10:00") }).where(eq(crisisCases.id, row.id));
      }
      if (i < 5) await refer(row.id, countyInstant("2026-05-12", "10:00"));
      if (i === 0) await refer(row.id, countyInstant("2026-05-13", "10:00"));
    }
    const april = countyInstant("2026-04-20", "10:00");
    for (let i = 0; i < 5; i += 1) {
      const row = await openCase(a1.id, areaA.id, april);
      await event(row.id, "taken", minutes(april, 1));
      if (i < 4) await t.db.update(crisisCases).set({ status: "closed", closedAt: countyInstant("2026-05-02", "10:00") }).where(eq(crisisCases.id, row.id));
    }
    await openCase(b1.id, areaB.id, countyInstant("2026-05-11", "10:00"));

    const hours = [{ weekday: 2, start: "14:00", end: "17:00" }];
    await t.db.insert(counsellingRooms).values([
      { schoolId: a1.id, name: "心理辅导室", weeklyHours: hours },
      { schoolId: a2.id, name: "心理辅导室", weeklyHours: [] },
      { schoolId: b1.id, name: "心理辅导室", weeklyHours: hours, active: false },
    ]);
    await t.db.insert(activityReports).values([
      { schoolId: a1.id, title: "心理健康月班会", heldOn: "2026-05-08", participants: 100 },
      { schoolId: a1.id, title: "心理剧展演", heldOn: "2026-05-20", participants: 50 },
      { schoolId: a1.id, title: "四月讲座", heldOn: "2026-04-10", participants: 30 },
      { schoolId: b1.id, title: "心理游园会", heldOn: "2026-05-25", participants: 20 },
    ]);
    const publish = async (at: Date, ownerSchoolId: string | null = null) =>
      (await t.db.insert(publications).values({ kind: "article", status: "published", title: "心理小贴士", audience: everyone, ownerSchoolId, publishedAt: at }).returning())[0]!;
    const countyItem = await publish(countyInstant("2026-05-02", "10:00"));
    await publish(countyInstant("2026-05-03", "10:00"));
    await publish(countyInstant("2026-05-04", "10:00"));
    const schoolItem = await publish(countyInstant("2026-05-05", "10:00"), a1.id);
    await publish(countyInstant("2026-04-05", "10:00"));
    await t.db.insert(publicationReadsDaily).values([
      { publicationId: countyItem.id, day: "2026-05-03", n: 10 },
      { publicationId: schoolItem.id, day: "2026-05-20", n: 7 },
      { publicationId: countyItem.id, day: "2026-04-30", n: 4 },
      { publicationId: countyItem.id, day: "2026-06-01", n: 99 },
    ]);
  });
  afterAll(() => t.close());

  const dashboard = async (auth: { Authorization: string }) => (await t.request.get("/api/v1/statistics/dashboard").query(may).set(auth).expect(200)).body as StatisticsView;
  const shown = (count: number) => ({ count, suppressed: false });
  const hidden = { count: null, suppressed: true };
  const box = (view: StatisticsView, kind: LetterFigures["kind"]) => view.letters.find((item) => item.kind === kind)!;

  it("counts letters by box kind: on time against the first due time on the working-day calendar, the median working days to the first reply", async () => {
    const admin = await buildSignedInStaff(t, { roles: ["centre_admin"], scope: "county" });
    const view = await dashboard(admin.auth);
    expect(view.letters.map((item) => item.label)).toEqual(["全部信箱", "学校信箱", "片区信箱", "县中心信箱"]);
    expect(box(view, "school")).toMatchObject({
      received: { current: shown(9), previous: shown(5) },
      repliedOnTime: { current: shown(5), previous: shown(5) },
      repliedLate: { current: hidden, previous: shown(0) },
      unreplied: { current: hidden },
      medianReplyWorkingDays: { current: 2, previous: 0 },
    });
    expect(box(view, "area")).toMatchObject({ received: { current: shown(5) }, repliedOnTime: { current: shown(5) }, medianReplyWorkingDays: { current: 1, previous: null } });
    // two letters: every count hidden, and no median over two replies
    expect(box(view, "county")).toMatchObject({ received: { current: hidden }, repliedLate: { current: hidden }, repliedOnTime: { current: shown(0) }, medianReplyWorkingDays: { current: null } });
    // all: 16 received, 10 on time, 4 late, 2 unanswered; median of 0,1,1,2,3,3,4 · 1×5 · 5,5 is 1
    expect(box(view, "all")).toMatchObject({ received: { current: shown(16) }, repliedOnTime: { current: shown(10) }, repliedLate: { current: hidden }, unreplied: { current: hidden }, medianReplyWorkingDays: { current: 1 } });
  });

  it("counts cases opened, owned within 5 minutes, referred (once a case) and closed", async () => {
    const admin = await buildSignedInStaff(t, { roles: ["centre_admin"], scope: "county" });
    const view = await dashboard(admin.auth);
    expect(view.cases).toMatchObject({
      opened: { current: shown(7), previous: shown(5) },
      ownedWithin5Min: { current: shown(5), previous: shown(5) },
      ownedShare: { current: 0.714, previous: 1 },
      referred: { current: shown(5), previous: shown(0) },
      closed: { current: shown(5), previous: shown(0) },
    });
  });

  it("gives the plan's indicators school by school, and activities and content beside the previous period", async () => {
    const admin = await buildSignedInStaff(t, { roles: ["centre_admin"], scope: "county" });
    const { indicators } = await dashboard(admin.auth);
    const school = (label: string) => indicators.bySchool.find((row) => row.label === label);
    expect(school("工作一中")).toMatchObject({ hasMailbox: true, hasRoom: true, activities: 2 });
    expect(school("工作二小")).toMatchObject({ hasMailbox: false, hasRoom: false, activities: 0 });
    expect(school("工作三中")).toMatchObject({ hasMailbox: false, hasRoom: false, activities: 1 });
    expect(indicators).toMatchObject({
      schoolsWithMailbox: 1,
      schoolsWithRoom: 1,
      schoolsReportingActivities: 2,
      activities: { current: 3, previous: 1 },
      activityParticipants: { current: 170, previous: 30 },
      published: { current: 4, previous: 1 },
      reads: { current: 17, previous: 4 },
    });
  });

  it("shows an area admin only the area's letters, cases and schools", async () => {
    const admin = await buildSignedInStaff(t, { roles: ["centre_admin"], scope: "area", areaId: places.areaA });
    const view = await dashboard(admin.auth);
    // the school box of A1 (8) and the area box (5); not the county's or B1's
    expect(box(view, "all").received.current).toEqual(shown(13));
    expect(box(view, "county").received.current).toEqual(shown(0));
    expect(view.cases).toMatchObject({ opened: { current: shown(6) }, ownedWithin5Min: { current: shown(5) }, ownedShare: { current: 0.833 } });
    expect(view.indicators.bySchool.map((row) => row.label)).toEqual(["工作一中", "工作二小"]);
    expect(view.indicators).toMatchObject({ schools: 2, schoolsWithMailbox: 1, activities: { current: 2, previous: 1 }, published: { current: 1, previous: 0 }, reads: { current: 7, previous: 0 } });
  });

  it("shows a school admin only their school: its one letter and one case are hidden as small cells", async () => {
    const admin = await buildSignedInStaff(t, { roles: ["centre_admin"], scope: "school", schoolId: places.b1, areaId: places.areaB });
    const view = await dashboard(admin.auth);
    expect(box(view, "all")).toMatchObject({ received: { current: hidden, previous: shown(0) }, repliedOnTime: { current: shown(0) }, unreplied: { current: hidden } });
    expect(box(view, "area").received.current).toEqual(shown(0));
    expect(view.cases).toMatchObject({ opened: { current: hidden }, ownedWithin5Min: { current: shown(0) }, ownedShare: { current: null }, closed: { current: shown(0) } });
    expect(view.indicators.bySchool.map((row) => row.label)).toEqual(["工作三中"]);
    expect(view.indicators).toMatchObject({ activities: { current: 1 }, published: { current: 0 }, reads: { current: 0 } });
    expect(JSON.stringify(view)).not.toMatch(/统计来信人|统计个案|alias/);
  });

  it("puts letters, cases, indicators and each school's row into the Excel report", async () => {
    const admin = await buildSignedInStaff(t, { roles: ["centre_admin"], scope: "area", areaId: places.areaA });
    const xlsx = await t.request.get("/api/v1/statistics/report.xlsx").query(may).set(admin.auth).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => done(null, Buffer.concat(chunks)));
    }).expect(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    const lines: string[][] = [];
    workbook.getWorksheet("统计报表")!.eachRow((sheetRow) => lines.push((sheetRow.values as unknown[]).slice(1).map((value) => String(value ?? ""))));
    const after = (title: string) => lines.slice(lines.findIndex((line) => line[0] === title));
    expect(after("来信回复 · 学校信箱")).toContainEqual(["收到来信", "8", "5"]);
    expect(after("来信回复 · 学校信箱")).toContainEqual(["首次回复用时中位数", "2 个工作日", "0 个工作日"]);
    expect(after("危机个案")).toContainEqual(["新开个案", "6", "5"]);
    expect(after("危机个案")).toContainEqual(["5 分钟内有人负责的比例", "83.3%", "100%"]);
    expect(after("工作指标")).toContainEqual(["心理信箱覆盖率", "50%"]);
    expect(after("活动与宣传")).toContainEqual(["活动参与人次（学校上报）", "150", "30"]);
    expect(after("活动与宣传")).toContainEqual(["内容阅读（次）", "7", "0"]);
    expect(after("各校工作指标")).toContainEqual(["工作一中", "有", "有", "无", "2"]);
  });

  it("counts a published article's reads in a daily counter, without the reader", async () => {
    const [item] = await t.db.insert(publications).values({ kind: "article", status: "published", title: "读数测试", audience: everyone, publishedAt: t.services.clock.now() }).returning();
    await t.request.get(`/api/v1/publishing/articles/${item!.id}`).expect(200);
    await t.request.get(`/api/v1/publishing/articles/${item!.id}`).expect(200);
    await flushPublicationReads(t.services);
    await t.request.get(`/api/v1/publishing/articles/${item!.id}`).expect(200);
    await flushPublicationReads(t.services);
    const rows = await t.db.select().from(publicationReadsDaily).where(and(eq(publicationReadsDaily.publicationId, item!.id)));
    expect(rows).toEqual([{ publicationId: item!.id, day: countyDateOf(t.services.clock.now()), n: 3 }]);
    // an unpublished item is not counted
    const [draft] = await t.db.insert(publications).values({ kind: "article", status: "draft", title: "草稿", audience: everyone }).returning();
    await t.request.get(`/api/v1/publishing/articles/${draft!.id}`).expect(404);
    await flushPublicationReads(t.services);
    expect(await t.db.select().from(publicationReadsDaily).where(eq(publicationReadsDaily.publicationId, draft!.id))).toEqual([]);
  });
});
