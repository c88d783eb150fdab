import ExcelJS from "exceljs";
import type { StatisticsView, StatRow } from "@xinyuan/shared";
import { eq, sql } from "drizzle-orm";
import { appUsers, auditEvents, chatMessages, contactCategories, conversations, contactRecordCategories, contactRecords, contactStatsDaily, hotlineTickets } from "../db/schema";
import { countyInstant } from "../hotline/countyTime";
import { createTestApp, type TestApp } from "../../../tests/support/testApp";
import { buildArea, buildSchool, buildStaff } from "../../../tests/support/factories";
import { buildSignedInStaff } from "../../../tests/support/staffSession";
import { sealed } from "../crypto/sealedColumns";

/**
 * Hand-counted fixture, May 2026 (current) against 31 March – 30 April (previous):
 *   school A1 (area A): 7 contacts in May — 6 hotline, 1 online; 5 no risk, 2 high (1 referred, both follow-up)
 *   school A2 (area A): 3 contacts in May (a small cell)
 *   school B1 (area B): 6 contacts in May, by letter
 *   no school:          2 anonymous hotline contacts in May
 *   school A1:          5 contacts in April (previous period)
 */
describe("statistics.dashboard", () => {
  let t: TestApp;
  let places: { areaA: string; areaB: string; a1: string; a2: string; b1: string };
  const may = { from: "2026-05-01", to: "2026-05-31" };
  let counsellorId: string;

  beforeAll(async () => {
    t = await createTestApp();
    const areaA = await buildArea(t.db, { name: "统计片区甲" });
    const areaB = await buildArea(t.db, { name: "统计片区乙" });
    const a1 = await buildSchool(t.db, { name: "统计一中", areaId: areaA.id, stage: "junior" });
    const a2 = await buildSchool(t.db, { name: "统计二小", areaId: areaA.id, stage: "primary" });
    const b1 = await buildSchool(t.db, { name: "统计三中", areaId: areaB.id, stage: "senior" });
    places = { areaA: areaA.id, areaB: areaB.id, a1: a1.id, a2: a2.id, b1: b1.id };
    counsellorId = (await buildStaff(t.db, { roles: ["counsellor"], scope: "county" })).id;
    const [group] = await t.db.insert(contactCategories).values({ code: "stats.mh", name: "心理健康" }).returning();
    const [childA] = await t.db.insert(contactCategories).values({ code: "stats.mh.a", name: "焦虑", parentId: group!.id }).returning();
    const [childB] = await t.db.insert(contactCategories).values({ code: "stats.mh.b", name: "抑郁", parentId: group!.id }).returning();

    const record = async (props: { channel: string; schoolId: string | null; areaId: string | null; day: string; risk?: string; referral?: boolean; followUp?: boolean; categories?: string[] }) => {
      const [row] = await t.db
        .insert(contactRecords)
        .values({
          channel: props.channel,
          staffId: counsellorId,
          schoolId: props.schoolId,
          areaId: props.areaId,
          riskLevel: props.risk ?? "none",
          actions: props.referral ? ["direct_support", "referral"] : ["direct_support"],
          followUpNeeded: props.followUp ?? false,
          recordedAt: countyInstant(props.day, "10:00"),
        })
        .returning();
      for (const categoryId of props.categories ?? []) await t.db.insert(contactRecordCategories).values({ recordId: row!.id, categoryId });
    };
    for (let i = 0; i < 5; i += 1) await record({ channel: "hotline", schoolId: a1.id, areaId: areaA.id, day: "2026-05-03", categories: [childA!.id, childB!.id] });
    await record({ channel: "hotline", schoolId: a1.id, areaId: areaA.id, day: "2026-05-31", risk: "high", referral: true, followUp: true, categories: [childA!.id] });
    await record({ channel: "online", schoolId: a1.id, areaId: areaA.id, day: "2026-05-01", risk: "high", followUp: true, categories: [childB!.id] });
    for (let i = 0; i < 3; i += 1) await record({ channel: "hotline", schoolId: a2.id, areaId: areaA.id, day: "2026-05-10" });
    for (let i = 0; i < 6; i += 1) await record({ channel: "mailbox", schoolId: b1.id, areaId: areaB.id, day: "2026-05-20" });
    for (let i = 0; i < 2; i += 1) await record({ channel: "hotline", schoolId: null, areaId: null, day: "2026-05-15" });
    for (let i = 0; i < 5; i += 1) await record({ channel: "hotline", schoolId: a1.id, areaId: areaA.id, day: "2026-04-15" });
    // outside both periods: never counted
    await record({ channel: "hotline", schoolId: a1.id, areaId: areaA.id, day: "2026-06-01" });
    await record({ channel: "hotline", schoolId: a1.id, areaId: areaA.id, day: "2026-03-30" });

    // Six chats in May: five answered by a counsellor 1, 2, 3, 4 and 5 minutes after they began, one never; ratings 5, 5, 4, 4, 3.
    const [user] = await t.db.insert(appUsers).values({ alias: "统计小树" }).returning();
    for (let i = 0; i < 6; i += 1) {
      const began = countyInstant("2026-05-13", `1${i}:00`);
      const [chat] = await t.db
        .insert(conversations)
        .values({ userId: user!.id, status: "closed", queuedAt: began, lastActivityAt: began, createdAt: began, closedAt: new Date(began.getTime() + 3600_000), rating: i < 5 ? [5, 5, 4, 4, 3][i] : null })
        .returning();
      if (i < 5) {
        await t.db.insert(chatMessages).values({ conversationId: chat!.id, seq: 1, senderType: "user", clientMessageId: `u${i}`, bodyEnc: t.services.cipher.encrypt("你好", sealed.chatMessageBody.at({ conversationId: chat!.id, seq: 1 })), createdAt: began });
        await t.db.insert(chatMessages).values({ conversationId: chat!.id, seq: 2, senderType: "staff", senderId: counsellorId, clientMessageId: `s${i}`, bodyEnc: t.services.cipher.encrypt("你好，我在", sealed.chatMessageBody.at({ conversationId: chat!.id, seq: 2 })), createdAt: new Date(began.getTime() + (i + 1) * 60_000) });
        await t.db.insert(chatMessages).values({ conversationId: chat!.id, seq: 3, senderType: "staff", senderId: counsellorId, clientMessageId: `s${i}b`, bodyEnc: t.services.cipher.encrypt("慢慢说", sealed.chatMessageBody.at({ conversationId: chat!.id, seq: 3 })), createdAt: new Date(began.getTime() + 30 * 60_000) });
      }
    }

    // The county line in May: six callers ready, five claimed within 2 minutes and completed, one gave up after 10 minutes.
    for (let i = 0; i < 6; i += 1) {
      const ready = countyInstant("2026-05-12", `1${i}:00`);
      const answered = i < 5;
      await t.db.insert(hotlineTickets).values({
        kind: "inbound",
        status: answered ? "completed" : "cancelled",
        joinedAt: ready,
        firstReadyAt: ready,
        readyAt: ready,
        firstClaimedAt: answered ? new Date(ready.getTime() + (i + 1) * 20_000) : null,
        claimedAt: answered ? new Date(ready.getTime() + (i + 1) * 20_000) : null,
        closedAt: new Date(ready.getTime() + 10 * 60_000),
      });
    }
  });
  afterAll(() => t.close());

  const dashboard = async (auth: { Authorization: string }, query = may) => (await t.request.get("/api/v1/statistics/dashboard").query(query).set(auth).expect(200)).body as StatisticsView;
  const row = (rows: StatRow[], label: string) => rows.find((item) => item.label === label);
  const shown = (count: number) => ({ count, suppressed: false });
  const hidden = { count: null, suppressed: true };

  it("counts every breakdown for the county centre, the previous period beside it, cells under 5 suppressed", async () => {
    const admin = await buildSignedInStaff(t, { roles: ["centre_admin"], scope: "county" });
    const view = await dashboard(admin.auth);
    expect(view.period).toEqual({ from: "2026-05-01", to: "2026-05-31", previousFrom: "2026-03-31", previousTo: "2026-04-30" });
    expect(view.contacts.total).toMatchObject({ current: shown(18), previous: shown(5) });
    expect(row(view.contacts.byChannel, "热线")).toMatchObject({ current: shown(11), previous: shown(5) });
    expect(row(view.contacts.byChannel, "在线")).toMatchObject({ current: hidden });
    expect(row(view.contacts.byChannel, "信箱")).toMatchObject({ current: shown(6) });
    expect(row(view.contacts.byChannel, "面询")).toMatchObject({ current: shown(0) });
    expect(row(view.contacts.bySchool, "统计一中")).toMatchObject({ current: shown(7), previous: shown(5) });
    expect(row(view.contacts.bySchool, "统计二小")).toMatchObject({ current: hidden });
    expect(row(view.contacts.bySchool, "统计三中")).toMatchObject({ current: shown(6), previous: shown(0) });
    expect(row(view.contacts.byArea, "统计片区甲")).toMatchObject({ current: shown(10) });
    expect(row(view.contacts.byArea, "未填片区")).toMatchObject({ current: hidden });
    expect(row(view.contacts.byStage, "初中")).toMatchObject({ current: shown(7) });
    expect(row(view.contacts.byRisk, "无风险")).toMatchObject({ current: shown(16) });
    expect(row(view.contacts.byRisk, "高风险")).toMatchObject({ current: hidden });
    expect(view.contacts.byMonth.map((item) => [item.key, item.current.count, item.previous.count])).toEqual([["2026-04", 0, 5], ["2026-05", 18, 0]]);
    // a record with two 小类 of one 大类 counts once for it
    expect(row(view.contacts.byCategory, "心理健康")).toMatchObject({ current: shown(7), previous: shown(0) });
    expect(view.contacts.followUpNeeded.current).toEqual(hidden);
    expect(view.hotline).toMatchObject({ offered: shown(6), answeredWithin5Min: shown(5), serviceLevel: 0.833, medianWaitMinutes: 1, abandoned: hidden, completed: shown(5) });
    expect(view.chat).toMatchObject({ chats: shown(6), answered: shown(5), medianFirstResponseSeconds: 180, rated: shown(5), averageRating: 4.2 });
    expect(view.indicators).toMatchObject({ countyCounsellors: expect.any(Number) });
    expect(JSON.stringify(view)).not.toMatch(/alias|summary/);
  });

  it("shows an area admin only the area's schools, without the county line", async () => {
    const admin = await buildSignedInStaff(t, { roles: ["centre_admin"], scope: "area", areaId: places.areaA });
    const view = await dashboard(admin.auth);
    expect(view.scopeName).toBe("统计片区甲");
    expect(view.contacts.total.current).toEqual(shown(10));
    expect(view.contacts.bySchool.map((item) => item.label).sort()).toEqual(["统计一中", "统计二小"]);
    expect(view.hotline).toBeNull();
    expect(view.chat).toBeNull();
  });

  it("shows a school admin only their school", async () => {
    const admin = await buildSignedInStaff(t, { roles: ["centre_admin"], scope: "school", schoolId: places.b1, areaId: places.areaB });
    const view = await dashboard(admin.auth);
    expect(view.scopeName).toBe("统计三中");
    expect(view.contacts.total).toMatchObject({ current: shown(6), previous: shown(0) });
    expect(view.contacts.bySchool.map((item) => item.label)).toEqual(["统计三中"]);
    expect(view.indicators.schools).toBe(1);
  });

  it("refuses counsellors and area supervisors, and a period that ends before it starts", async () => {
    const counsellor = await buildSignedInStaff(t, { roles: ["counsellor"], scope: "county" });
    await t.request.get("/api/v1/statistics/dashboard").query(may).set(counsellor.auth).expect(403);
    const areaSupervisor = await buildSignedInStaff(t, { roles: ["supervisor"], scope: "area", areaId: places.areaA });
    await t.request.get("/api/v1/statistics/dashboard").query(may).set(areaSupervisor.auth).expect(403);
    const supervisor = await buildSignedInStaff(t, { roles: ["supervisor"], scope: "county" });
    const bad = await t.request.get("/api/v1/statistics/dashboard").query({ from: "2026-05-31", to: "2026-05-01" }).set(supervisor.auth).expect(400);
    expect(bad.body.error.code).toBe("VALIDATION_FAILED");
    await t.request.get("/api/v1/statistics/dashboard").query({ from: "2026-13-01", to: "2026-05-01" }).set(supervisor.auth).expect(400);
  });

  it("exports the report to Excel and PDF, with the county header and suppressed cells, and audits each export", async () => {
    const admin = await buildSignedInStaff(t, { roles: ["centre_admin"], scope: "county" });
    const xlsx = await t.request.get("/api/v1/statistics/report.xlsx").query(may).set(admin.auth).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => done(null, Buffer.concat(chunks)));
    }).expect(200);
    expect(xlsx.headers["content-type"]).toContain("spreadsheetml");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("统计报表")!;
    const lines: string[][] = [];
    sheet.eachRow((sheetRow) => lines.push((sheetRow.values as unknown[]).slice(1).map((value) => String(value ?? ""))));
    expect(lines[0]![0]).toContain("中小学心理援助服务统计报表");
    expect(lines).toContainEqual(["统计一中", "7", "5"]);
    expect(lines).toContainEqual(["统计二小", "<5", "0"]);
    expect(lines).toContainEqual(["应接来电", "6"]);
    // the sections added for letters, cases and the plan's indicators, in the order the centre reports them
    const titles = ["来信回复 · 全部信箱", "来信回复 · 学校信箱", "来信回复 · 片区信箱", "来信回复 · 县中心信箱", "危机个案", "工作指标", "活动与宣传", "各校工作指标"];
    expect(titles.map((title) => lines.findIndex((line) => line[0] === title))).toEqual([...titles.map((title) => lines.findIndex((line) => line[0] === title))].sort((a, b) => a - b));
    expect(titles.every((title) => lines.some((line) => line[0] === title))).toBe(true);
    expect(lines).toContainEqual(["新开个案", "0", "0"]);
    expect(lines).toContainEqual(["首次回复用时中位数", "—", "—"]);
    expect(lines).toContainEqual(["统计一中", "无", "无", "无", "0"]);

    const pdf = await t.request.get("/api/v1/statistics/report.pdf").query(may).set(admin.auth).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => done(null, Buffer.concat(chunks)));
    }).expect(200);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    const text = (pdf.body as Buffer).toString("latin1");
    expect(text.startsWith("%PDF-")).toBe(true);
    expect(text).toMatch(/\/Type \/Page\b/);

    const exports = await t.db.select().from(auditEvents).where(eq(auditEvents.action, "statistics.export"));
    expect(exports.map((event) => (event.detail as { format: string }).format).sort()).toEqual(["pdf", "xlsx"]);
    expect(exports.every((event) => event.actorId === admin.id)).toBe(true);
  });

  it("keeps the daily rollup equal to a rebuild from the records through inserts, moves and removed categories", async () => {
    const snapshot = async () =>
      (await t.db.select().from(contactStatsDaily)).filter((row) => row.n !== 0).map((row) => `${row.day}|${row.areaId}|${row.schoolId}|${row.dimension}|${row.key}|${row.n}`).sort();
    const incremental = await snapshot();
    await t.db.execute(sql`SELECT contact_stats_rebuild()`);
    expect(await snapshot()).toEqual(incremental);

    const [moved] = await t.db.select().from(contactRecords).where(eq(contactRecords.schoolId, places.a1)).limit(1);
    await t.db.update(contactRecords).set({ schoolId: places.b1, areaId: places.areaB, riskLevel: "medium" }).where(eq(contactRecords.id, moved!.id));
    const [link] = await t.db.select().from(contactRecordCategories).limit(1);
    await t.db.delete(contactRecordCategories).where(sql`${contactRecordCategories.recordId} = ${link!.recordId} AND ${contactRecordCategories.categoryId} = ${link!.categoryId}`);
    const changed = await snapshot();
    expect(changed).not.toEqual(incremental);
    await t.db.execute(sql`SELECT contact_stats_rebuild()`);
    expect(await snapshot()).toEqual(changed);
  });
});
