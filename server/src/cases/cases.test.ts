import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { CaseDetailView, ContactRecordBody, FollowUpDueView } from "@xinyuan/shared";
import { auditEvents, caseIdentities, caseLinks, contactCategories, crisisCases, hotlineTickets, keyPeriods, referralInstitutions, riskAlerts } from "../db/schema";
import { systemOrigin } from "../audit/recordAudit";
import { contactTaxonomySeeder } from "../contacts/contactTaxonomySeeder";
import { contactRecorder } from "../contacts/contactRecorder";
import { missedWindowMarker } from "../hotline/missedWindowMarker";
import { countyDateOf, addDays } from "../hotline/countyTime";
import { caseOpener } from "./caseOpener";
import { ownerlessCaseEscalator } from "./ownerlessCaseEscalator";
import { overdueFollowUpEscalator } from "./overdueFollowUpEscalator";
import { keyPeriodReminder } from "./keyPeriodReminder";
import { ledgerColumns } from "./caseLedgerExporter";
import { createTestApp, type TestApp } from "../../../tests/support/testApp";
import { buildArea, buildSchool, buildStaff } from "../../../tests/support/factories";
import { buildCaller, staffAuth } from "../../../tests/support/hotlineFixtures";
import { sessionTokenFor } from "../../../tests/support/sessions";
import { sealed } from "../crypto/sealedColumns";

describe("crisis cases", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await contactTaxonomySeeder(t.db);
  });
  afterAll(() => t.close());
  /** Moves the test clock; each test starts back at real time (sessions are minted on real time). */
  let travelled = 0;
  const travel = (ms: number) => {
    travelled += ms;
    t.clock.advance(ms);
  };
  afterEach(() => {
    t.clock.advance(-travelled);
    travelled = 0;
  });

  const member = async (props: Parameters<typeof buildStaff>[1] = {}) => {
    const built = await buildStaff(t.db, props);
    return { ...built, auth: await staffAuth(t.db, built) };
  };
  const categoryId = async (code: string) => (await t.db.select().from(contactCategories).where(eq(contactCategories.code, code)))[0]!.id;
  const recordBody = async (riskLevel: ContactRecordBody["riskLevel"], followUpNeeded = false): Promise<ContactRecordBody> => ({
    categoryIds: [await categoryId("mental_health.suicidal")],
    repeat: "first",
    gender: "female",
    riskLevel,
    actions: ["direct_support"],
    referralTargets: [],
    followUpNeeded,
    durationMinutes: 20,
    summary: "说不想活了。",
  });
  const record = async (props: { userId: string | null; staffId: string; riskLevel: ContactRecordBody["riskLevel"]; followUpNeeded?: boolean }) => {
    // read outside the transaction: PGlite has one connection, the outer db inside a transaction waits forever
    const body = await recordBody(props.riskLevel, props.followUpNeeded);
    return t.db.transaction((tx) => contactRecorder({ tx, cipher: t.services.cipher, origin: systemOrigin, channel: "online", staffId: props.staffId, userId: props.userId, body, now: t.clock.now() }));
  };
  const caseOf = async (id: string) => (await t.db.select().from(crisisCases).where(eq(crisisCases.id, id)))[0]!;
  const audits = async (action: string, targetId: string) => t.db.select().from(auditEvents).where(and(eq(auditEvents.action, action), eq(auditEvents.targetId, targetId)));
  /** The durable alerts raised for a case (the alert inbox, source kind "case"). */
  const caseAlerts = async (caseId: string) => t.db.select().from(riskAlerts).where(and(eq(riskAlerts.sourceKind, "case"), eq(riskAlerts.sourceId, caseId)));
  const getCase = (id: string, auth: { Authorization: string }) => t.request.get(`/api/v1/cases/${id}`).set(auth);

  describe("opening", () => {
    it("opens from a contact record with imminent risk (危机, unowned, reporter on the team) and not from a low-risk one", async () => {
      const school = await buildSchool(t.db);
      const user = await buildCaller(t.db, { schoolId: school.id });
      const counsellor = await member({ scope: "school", schoolId: school.id, areaId: school.areaId });
      const low = await record({ userId: user.id, staffId: counsellor.id, riskLevel: "low" });
      expect(low.caseId).toBeNull();
      const { id, caseId } = await record({ userId: user.id, staffId: counsellor.id, riskLevel: "imminent" });
      const row = await caseOf(caseId!);
      expect(row).toMatchObject({ level: "crisis", status: "open", ownerId: null, subjectAlias: user.alias, userId: user.id, schoolId: school.id, areaId: school.areaId, sourceKind: "contact_record", sourceId: id });
      expect(row.ownerlessSince).not.toBeNull();
      const view = (await getCase(caseId!, counsellor.auth).expect(200)).body as CaseDetailView;
      expect(view.team.map((m) => m.staffId)).toEqual([counsellor.id]);
      expect(view.links).toEqual([expect.objectContaining({ kind: "contact_record", id, riskLevel: "imminent" })]);
      expect(view.timeline.map((e) => e.kind)).toEqual(["opened"]);
      expect(JSON.stringify(view)).not.toContain(user.id);
      expect(view.checklist.length).toBeGreaterThan(3);
    });

    it("opens 关注 for follow-up needed at medium risk, and a second signal joins the open case, raising its level", async () => {
      const user = await buildCaller(t.db);
      const counsellor = await member();
      const first = await record({ userId: user.id, staffId: counsellor.id, riskLevel: "medium", followUpNeeded: true });
      expect((await caseOf(first.caseId!)).level).toBe("attention");
      const second = await record({ userId: user.id, staffId: counsellor.id, riskLevel: "high" });
      expect(second.caseId).toBe(first.caseId);
      const row = await caseOf(first.caseId!);
      expect(row.level).toBe("warning");
      expect(await t.db.select().from(caseLinks).where(eq(caseLinks.caseId, row.id))).toHaveLength(2);
    });

    it("opens from an unsafe caller's missed call-back, keeping the number encrypted (the ticket's is erased)", async () => {
      const user = await buildCaller(t.db);
      const now = t.clock.now();
      const ticketId = randomUUID();
      const [ticket] = await t.db
        .insert(hotlineTickets)
        .values({
          userId: user.id,
          kind: "callback",
          status: "waiting",
          priority: 1,
          feelingUnsafe: true,
          joinedAt: new Date(now.getTime() - 3 * 3600_000),
          firstReadyAt: new Date(now.getTime() - 2 * 3600_000),
          readyAt: new Date(now.getTime() - 2 * 3600_000),
          windowStart: new Date(now.getTime() - 2 * 3600_000),
          windowEnd: new Date(now.getTime() - 60_000),
          id: ticketId,
          phoneEnc: t.services.cipher.encrypt("13812345678", sealed.hotlinePhone.at({ id: ticketId })),
        })
        .returning();
      expect(await missedWindowMarker(t.services)).toBeGreaterThanOrEqual(1);
      const [after] = await t.db.select().from(hotlineTickets).where(eq(hotlineTickets.id, ticket!.id));
      expect(after).toMatchObject({ status: "missed", phoneEnc: null });
      const [row] = await t.db.select().from(crisisCases).where(and(eq(crisisCases.userId, user.id), eq(crisisCases.sourceKind, "missed_callback")));
      expect(row).toMatchObject({ level: "crisis", sourceId: ticket!.id, subjectAlias: user.alias });
      expect(row!.phoneEnc).not.toContain("13812345678");
      expect(t.services.cipher.decrypt(row!.phoneEnc!, sealed.casePhone.at(row!))).toBe("13812345678");

      // only the owner reveals it, audited
      const supervisor = await member({ roles: ["supervisor"] });
      await t.request.post(`/api/v1/cases/${row!.id}/phone/reveal`).set(supervisor.auth).expect(403);
      await t.request.post(`/api/v1/cases/${row!.id}/take`).set(supervisor.auth).expect(200);
      const revealed = await t.request.post(`/api/v1/cases/${row!.id}/phone/reveal`).set(supervisor.auth).expect(200);
      expect(revealed.body.phone).toBe("13812345678");
      expect(await audits("case.phone.reveal", row!.id)).toHaveLength(1);
    });

    it("opens from a risk alert a supervisor escalates, reading the student from the alert's source", async () => {
      const area = await buildArea(t.db);
      const school = await buildSchool(t.db, { areaId: area.id });
      const user = await buildCaller(t.db, { schoolId: school.id });
      const now = t.clock.now();
      const [ticket] = await t.db.insert(hotlineTickets).values({ userId: user.id, kind: "inbound", status: "completed", joinedAt: now, firstReadyAt: now, readyAt: now, schoolId: school.id, areaId: area.id }).returning();
      const alertId = "5d7e2a3c-1b4f-4e8a-9c0d-2f6b8a1e3c5d";
      const body = { alertId, source: { kind: "hotline", id: ticket!.id }, level: "crisis", note: "来电提到已经准备好了药" };

      const otherArea = await member({ roles: ["supervisor"], scope: "area" });
      expect((await t.request.post("/api/v1/cases/from-alert").set(otherArea.auth).send(body).expect(404)).body.error.code).toBe("CASE_SOURCE_NOT_FOUND");
      await t.request.post("/api/v1/cases/from-alert").set((await member()).auth).send(body).expect(403);
      const supervisor = await member({ roles: ["supervisor"], scope: "area", areaId: area.id });
      const created = await t.request.post("/api/v1/cases/from-alert").set(supervisor.auth).send(body).expect(201);
      expect(created.body).toMatchObject({ level: "crisis", source: "alert", subjectAlias: user.alias, schoolName: school.name });
      expect(created.body.links.map((link: { kind: string }) => link.kind).sort()).toEqual(["alert", "hotline_ticket"]);
      expect(created.body.timeline[0].note).toBe("来电提到已经准备好了药");
      const again = await t.request.post("/api/v1/cases/from-alert").set(supervisor.auth).send(body).expect(200);
      expect(again.body.id).toBe(created.body.id);
      await t.request.post("/api/v1/cases/from-alert").set(supervisor.auth).send({ ...body, source: { kind: "letter", id: ticket!.id } }).expect(404);
    });

    it("keeps one open case per user when ten signals race", async () => {
      const user = await buildCaller(t.db);
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, index) =>
          t.db.transaction((tx) =>
            caseOpener({
              tx,
              cipher: t.services.cipher,
              origin: systemOrigin,
              now: t.clock.now(),
              signal: { sourceKind: "contact_record", sourceId: null, level: index === 7 ? "crisis" : "warning", userId: user.id, links: [], reporterId: null },
            }),
          ),
        ),
      );
      expect(new Set(results.map((result) => result.caseId)).size).toBe(1);
      expect(results.filter((result) => result.created)).toHaveLength(1);
      const rows = await t.db.select().from(crisisCases).where(eq(crisisCases.userId, user.id));
      expect(rows).toHaveLength(1);
      expect(rows[0]!.level).toBe("crisis");

      // once closed, a new signal opens a new case
      const supervisor = await member({ roles: ["supervisor"] });
      await t.request.post(`/api/v1/cases/${rows[0]!.id}/close`).set(supervisor.auth).send({ reason: "resolved" }).expect(200);
      const next = await t.db.transaction((tx) =>
        caseOpener({ tx, cipher: t.services.cipher, origin: systemOrigin, now: t.clock.now(), signal: { sourceKind: "manual", sourceId: null, level: "attention", userId: user.id, links: [], reporterId: null } }),
      );
      expect(next.created).toBe(true);
      expect(next.caseId).not.toBe(rows[0]!.id);
    });
  });

  describe("clocks", () => {
    it("escalates a 危机 case without an owner after 5 minutes, once, and not an owned one", async () => {
      const user = await buildCaller(t.db);
      const other = await buildCaller(t.db);
      const counsellor = await member();
      const { caseId } = await record({ userId: user.id, staffId: counsellor.id, riskLevel: "imminent" });
      const { caseId: ownedId } = await record({ userId: other.id, staffId: counsellor.id, riskLevel: "imminent" });
      await t.request.post(`/api/v1/cases/${ownedId}/take`).set(counsellor.auth).expect(200);
      travel(4 * 60_000);
      await ownerlessCaseEscalator(t.services);
      expect(await caseAlerts(caseId!)).toHaveLength(0);
      travel(61_000);
      await ownerlessCaseEscalator(t.services);
      expect(await caseAlerts(caseId!)).toHaveLength(1);
      expect((await caseAlerts(caseId!))[0]).toMatchObject({ level: "imminent", state: "new" });
      expect(await caseAlerts(ownedId!)).toHaveLength(0);
      await ownerlessCaseEscalator(t.services);
      expect(await audits("case.escalate.ownerless", caseId!)).toHaveLength(1);
      const view = (await getCase(caseId!, counsellor.auth).expect(200)).body as CaseDetailView;
      expect(view.timeline.map((e) => e.kind)).toContain("ownerless_escalated");
    });

    it("lists follow-ups due today at sign-in, escalates overdue ones once per date, and reminds open cases of a key period", async () => {
      const user = await buildCaller(t.db);
      const counsellor = await member();
      const { caseId } = await record({ userId: user.id, staffId: counsellor.id, riskLevel: "high" });
      await t.request.post(`/api/v1/cases/${caseId}/take`).set(counsellor.auth).expect(200);
      const today = countyDateOf(t.clock.now());
      await t.request.post(`/api/v1/cases/${caseId}/actions`).set(counsellor.auth).send({ kind: "follow_up_contact", note: "电话联系，情绪平稳", nextFollowUpOn: today }).expect(200);
      const due = (await t.request.get("/api/v1/cases/follow-ups/due").set(counsellor.auth).expect(200)).body as FollowUpDueView;
      expect(due.items.map((item) => item.id)).toContain(caseId);
      expect(due.items.find((item) => item.id === caseId)!.overdue).toBe(false);
      const stranger = await member();
      expect(((await t.request.get("/api/v1/cases/follow-ups/due").set(stranger.auth).expect(200)).body as FollowUpDueView).items).toHaveLength(0);

      await overdueFollowUpEscalator(t.services);
      expect(await audits("case.escalate.overdue", caseId!)).toHaveLength(0);
      travel(24 * 3600_000);
      await overdueFollowUpEscalator(t.services);
      await overdueFollowUpEscalator(t.services);
      expect(await audits("case.escalate.overdue", caseId!)).toHaveLength(1);
      expect((await caseAlerts(caseId!)).map((alert) => alert.level)).toContain("high");
      const later = { Authorization: `Bearer ${await sessionTokenFor(t.db, { type: "staff", id: counsellor.id }, t.clock.now())}` };
      const overdue = (await t.request.get("/api/v1/cases/follow-ups/due").set(later).expect(200)).body as FollowUpDueView;
      expect(overdue.items.find((item) => item.id === caseId)!.overdue).toBe(true);

      const nowDate = countyDateOf(t.clock.now());
      await t.db.insert(keyPeriods).values({ name: "期末考试", kind: "exam", startsOn: addDays(nowDate, 2), endsOn: addDays(nowDate, 5), remindDaysBefore: 3 });
      const first = await Promise.all([keyPeriodReminder(t.services), keyPeriodReminder(t.services)]);
      expect(first.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(1);
      expect(await keyPeriodReminder(t.services)).toBe(0);
      const view = (await getCase(caseId!, later).expect(200)).body as CaseDetailView;
      expect(view.timeline.filter((e) => e.kind === "key_period_reminder")).toHaveLength(1);
    });
  });

  describe("access", () => {
    it("follows the permission matrix across roles, schools and areas, and audits every open", async () => {
      const area = await buildArea(t.db);
      const school = await buildSchool(t.db, { areaId: area.id });
      const sameAreaSchool = await buildSchool(t.db, { areaId: area.id });
      const user = await buildCaller(t.db, { schoolId: school.id });
      const reporter = await member({ scope: "county" });
      const { caseId } = await record({ userId: user.id, staffId: reporter.id, riskLevel: "high" });
      const owner = await member({ scope: "school", schoolId: school.id, areaId: area.id });
      const supervisorCounty = await member({ roles: ["supervisor"] });
      await t.request.post(`/api/v1/cases/${caseId}/handover`).set(supervisorCounty.auth).send({ toStaffId: owner.id, note: "学校心理老师负责" }).expect(200);

      const matrix: Array<[string, Parameters<typeof buildStaff>[1] | "owner" | "reporter", number, number]> = [
        // who, read status, act status (record a note)
        ["owner", "owner", 200, 200],
        ["team (reporter)", "reporter", 200, 200],
        ["supervisor county", { roles: ["supervisor"] }, 200, 200],
        ["supervisor same area", { roles: ["supervisor"], scope: "area", areaId: area.id }, 200, 200],
        ["supervisor same school", { roles: ["supervisor"], scope: "school", schoolId: school.id, areaId: area.id }, 200, 200],
        ["supervisor other school same area", { roles: ["supervisor"], scope: "school", schoolId: sameAreaSchool.id, areaId: area.id }, 404, 404],
        ["supervisor other area", { roles: ["supervisor"], scope: "area" }, 404, 404],
        ["centre admin county", { roles: ["centre_admin"] }, 200, 403],
        ["centre admin other area", { roles: ["centre_admin"], scope: "area" }, 404, 403],
        ["counsellor same school, not on the team", { scope: "school", schoolId: school.id, areaId: area.id }, 404, 404],
        ["counsellor county, not on the team", { scope: "county" }, 404, 404],
        ["editor", { roles: ["editor"] }, 403, 403],
      ];
      for (const [who, props, read, act] of matrix) {
        const auth = props === "owner" ? owner.auth : props === "reporter" ? reporter.auth : (await member(props)).auth;
        const got = await getCase(caseId!, auth);
        expect([who, got.status]).toEqual([who, read]);
        const acted = await t.request.post(`/api/v1/cases/${caseId}/actions`).set(auth).send({ kind: "note", note: who });
        expect([who, acted.status]).toEqual([who, act]);
        const list = await t.request.get("/api/v1/cases?status=active&pageSize=100").set(auth);
        if (read === 200) expect([who, list.body.items.some((item: { id: string }) => item.id === caseId)]).toEqual([who, true]);
        else if (list.status === 200) expect([who, list.body.items.some((item: { id: string }) => item.id === caseId)]).toEqual([who, false]);
      }
      expect((await audits("case.view", caseId!)).length).toBeGreaterThanOrEqual(6);
      // a take by someone else once owned is refused; the owner may hand over; a counsellor not in scope cannot receive it
      expect((await t.request.post(`/api/v1/cases/${caseId}/take`).set(supervisorCounty.auth).expect(409)).body.error.code).toBe("CASE_ALREADY_OWNED");
      const outsider = await member({ scope: "area" });
      expect((await t.request.post(`/api/v1/cases/${caseId}/handover`).set(owner.auth).send({ toStaffId: outsider.id }).expect(400)).body.error.code).toBe("CASE_HANDOVER_TARGET_INVALID");
      await t.request.get("/api/v1/cases/not-a-uuid").set(owner.auth).expect(400);
    });
  });

  describe("identity", () => {
    it("needs a second person's approval unless an emergency, is encrypted, and every view is audited", async () => {
      const user = await buildCaller(t.db);
      const owner = await member({ roles: ["counsellor", "supervisor"] });
      const { caseId } = await record({ userId: user.id, staffId: owner.id, riskLevel: "imminent" });
      await t.request.post(`/api/v1/cases/${caseId}/take`).set(owner.auth).expect(200);
      const person = { name: "李小红", grade: "初二", className: "3班", guardianContact: "母亲 139xxxx", how: "学生自己说的", legalBasis: "own_consent", emergency: false };
      const recorded = (await t.request.post(`/api/v1/cases/${caseId}/identity`).set(owner.auth).send(person).expect(200)).body as CaseDetailView;
      expect(recorded.identity).toMatchObject({ state: "pending", emergency: false });
      expect(recorded.identity!.person).toBeUndefined();
      const stored = await t.db.select().from(caseIdentities).where(eq(caseIdentities.caseId, caseId!));
      expect(JSON.stringify(stored)).not.toContain("李小红");
      await t.request.post(`/api/v1/cases/${caseId}/identity`).set(owner.auth).send(person).expect(409);
      expect((await t.request.post(`/api/v1/cases/${caseId}/identity/review`).set(owner.auth).send({ approve: true }).expect(403)).body.error.code).toBe("CASE_IDENTITY_SELF_REVIEW");
      await t.request.post(`/api/v1/cases/${caseId}/identity/review`).set((await member()).auth).send({ approve: true }).expect(403);
      const reviewer = await member({ roles: ["supervisor"] });
      const approved = (await t.request.post(`/api/v1/cases/${caseId}/identity/review`).set(reviewer.auth).send({ approve: true }).expect(200)).body as CaseDetailView;
      expect(approved.identity).toMatchObject({ state: "approved", person: { name: "李小红", grade: "初二" } });
      await getCase(caseId!, owner.auth).expect(200);
      expect((await audits("case.identity.view", caseId!)).length).toBe(2);
      expect(await audits("case.identity.record", caseId!)).toHaveLength(1);
      expect(await audits("case.identity.approve", caseId!)).toHaveLength(1);
      // the county centre reads the case but not who the child is
      const centre = (await getCase(caseId!, (await member({ roles: ["centre_admin"] })).auth).expect(200)).body as CaseDetailView;
      expect(centre.identity!.person).toBeUndefined();

      // an emergency record shows at once, and a rejection erases it
      const urgent = await buildCaller(t.db);
      const second = await record({ userId: urgent.id, staffId: owner.id, riskLevel: "imminent" });
      const shown = (await t.request.post(`/api/v1/cases/${second.caseId}/identity`).set(owner.auth).send({ ...person, name: "王小明", legalBasis: "vital_interest", emergency: true }).expect(200)).body as CaseDetailView;
      expect(shown.identity).toMatchObject({ state: "pending", emergency: true, person: { name: "王小明" } });
      const rejected = (await t.request.post(`/api/v1/cases/${second.caseId}/identity/review`).set(reviewer.auth).send({ approve: false, note: "不属于紧急情况" }).expect(200)).body as CaseDetailView;
      expect(rejected.identity).toMatchObject({ state: "rejected" });
      expect(rejected.identity!.person).toBeUndefined();
    });
  });

  describe("actions, referral, export", () => {
    it("records actions, a referral with feedback, the checklist, closes, and exports the ledger CSV with names only when approved", async () => {
      const school = await buildSchool(t.db, { stage: "junior" });
      const user = await buildCaller(t.db, { schoolId: school.id });
      const owner = await member({ displayName: "张老师" });
      const { caseId } = await record({ userId: user.id, staffId: owner.id, riskLevel: "high" });
      await t.request.post(`/api/v1/cases/${caseId}/take`).set(owner.auth).expect(200);
      await t.request.post(`/api/v1/cases/${caseId}/actions`).set(owner.auth).send({ kind: "guardian_contacted", note: "已告知母亲" }).expect(200);
      await t.request.post(`/api/v1/cases/${caseId}/actions`).set(owner.auth).send({ kind: "school_notified" }).expect(200);
      await t.request.patch(`/api/v1/cases/${caseId}`).set(owner.auth).send({ flags: ["left_behind", "mental_health"] }).expect(200);
      const [hospital] = await t.db.select().from(referralInstitutions).where(eq(referralInstitutions.name, "达州市心理卫生中心"));
      const referred = (await t.request.post(`/api/v1/cases/${caseId}/referrals`).set(owner.auth).send({ institutionId: hospital!.id, note: "建议门诊评估" }).expect(201)).body as CaseDetailView;
      expect(referred.status).toBe("referred");
      const referralId = referred.referrals[0]!.id;
      const fed = (await t.request.patch(`/api/v1/cases/${caseId}/referrals/${referralId}`).set(owner.auth).send({ state: "accepted", feedback: "已接诊，每周复诊" }).expect(200)).body as CaseDetailView;
      expect(fed.referrals[0]).toMatchObject({ state: "accepted", feedback: "已接诊，每周复诊", institutionName: "达州市心理卫生中心" });
      const item = fed.checklist[0]!;
      const ticked = (await t.request.post(`/api/v1/cases/${caseId}/checklist`).set(owner.auth).send({ itemId: item.id, ticked: true }).expect(200)).body as CaseDetailView;
      expect(ticked.checklist[0]).toMatchObject({ tickedBy: "张老师" });
      expect(ticked.timeline.map((e) => e.kind)).toEqual(expect.arrayContaining(["taken", "guardian_contacted", "school_notified", "flags_changed", "referral_created", "referral_updated", "checklist_ticked"]));
      expect(ticked.timeline.every((e) => e.at && (e.kind === "opened" || e.actorName === "张老师"))).toBe(true);

      const supervisor = await member({ roles: ["supervisor"] });
      const csv = await t.request.get("/api/v1/cases/export.csv").set(supervisor.auth).expect(200);
      expect(csv.headers["content-type"]).toContain("text/csv");
      const lines = csv.text.replace(/^\uFEFF/, "").trim().split("\r\n");
      expect(lines[0]).toBe(ledgerColumns.join(","));
      const line = lines.find((l) => l.includes(school.name))!;
      expect(line).toContain("初中");
      expect(line).toContain("预警");
      expect(line).toContain("留守儿童");
      expect(line).toContain("达州市心理卫生中心（机构已接收）");
      expect(line).toContain("已联系监护人");
      expect(line).toContain("张老师");
      expect(line).not.toContain(user.alias);
      expect((await t.db.select().from(auditEvents).where(eq(auditEvents.action, "case.export"))).length).toBeGreaterThanOrEqual(1);
      await t.request.get("/api/v1/cases/export.csv").set(owner.auth).expect(403);

      const closed = (await t.request.post(`/api/v1/cases/${caseId}/close`).set(owner.auth).send({ reason: "referred_completed", note: "由机构持续跟进" }).expect(200)).body as CaseDetailView;
      expect(closed).toMatchObject({ status: "closed", closeReason: "referred_completed" });
      expect((await t.request.post(`/api/v1/cases/${caseId}/actions`).set(owner.auth).send({ kind: "note" }).expect(409)).body.error.code).toBe("CASE_CLOSED");
    });

    it("puts an approved identity's name in the ledger, and nothing else", async () => {
      const school = await buildSchool(t.db);
      const user = await buildCaller(t.db, { schoolId: school.id });
      const owner = await member();
      const { caseId } = await record({ userId: user.id, staffId: owner.id, riskLevel: "imminent" });
      await t.request.post(`/api/v1/cases/${caseId}/take`).set(owner.auth).expect(200);
      await t.request.post(`/api/v1/cases/${caseId}/identity`).set(owner.auth).send({ name: "赵小雨", grade: "高一", legalBasis: "mandatory_report" }).expect(200);
      const supervisor = await member({ roles: ["supervisor"] });
      const before = await t.request.get("/api/v1/cases/export.csv").set(supervisor.auth).expect(200);
      expect(before.text).not.toContain("赵小雨");
      await t.request.post(`/api/v1/cases/${caseId}/identity/review`).set(supervisor.auth).send({ approve: true }).expect(200);
      const after = await t.request.get("/api/v1/cases/export.csv").set(supervisor.auth).expect(200);
      const line = after.text.split("\r\n").find((l) => l.includes(school.name))!;
      expect(line).toContain("赵小雨");
      expect(line).toContain("高一");
    });
  });
  describe("the person's own data", () => {
    it("exports that a case exists and what personal data it holds, never the staff's notes; deletion detaches it", async () => {
      const user = await buildCaller(t.db);
      const owner = await member();
      const { caseId } = await record({ userId: user.id, staffId: owner.id, riskLevel: "imminent" });
      await t.request.post(`/api/v1/cases/${caseId}/take`).set(owner.auth).expect(200);
      await t.request.post(`/api/v1/cases/${caseId}/actions`).set(owner.auth).send({ kind: "called_110", note: "已报警，民警上门" }).expect(200);
      await t.request.post(`/api/v1/cases/${caseId}/identity`).set(owner.auth).send({ name: "钱小雨", legalBasis: "vital_interest", emergency: true }).expect(200);
      const userAuth = { Authorization: `Bearer ${await sessionTokenFor(t.db, { type: "user", id: user.id })}` };
      const exported = (await t.request.get("/api/v1/me/export").set(userAuth).expect(200)).body as Record<string, unknown>;
      const text = JSON.stringify(exported);
      expect((exported.sections as Record<string, unknown>).crisisCases).toMatchObject({ cases: [{ open: true, identityRecorded: { legalBasis: "vital_interest" }, callbackNumberKept: false }] });
      expect(text).not.toContain("民警");
      expect(text).not.toContain("called_110");
      expect(text).not.toContain("钱小雨");
      await t.request.delete("/api/v1/me").set(userAuth).expect((response) => expect([200, 204]).toContain(response.status));
      expect(await caseOf(caseId!)).toMatchObject({ userId: null, status: "following_up" });
    });
  });
});
