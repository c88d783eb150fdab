import { eq } from "drizzle-orm";
import type { ContactCategoryTreeView, ContactRecordBody } from "@xinyuan/shared";
import { contactCategories, contactRecordCategories, contactRecords } from "../db/schema";
import { contactTaxonomySeeder } from "./contactTaxonomySeeder";
import { contactRecorder } from "./contactRecorder";
import { contactHistoryOfUser } from "./contactHistory";
import { systemOrigin } from "../audit/recordAudit";
import { createTestApp, type TestApp } from "../../../tests/support/testApp";
import { buildSchool, buildStaff } from "../../../tests/support/factories";
import { sessionTokenFor } from "../../../tests/support/sessions";
import { signInConsentedUser } from "../../../tests/support/userSession";

describe("contacts", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await contactTaxonomySeeder(t.db);
  });
  afterAll(() => t.close());
  const staffAuth = async (props: Parameters<typeof buildStaff>[1] = {}) => {
    const member = await buildStaff(t.db, props);
    return { member, auth: { Authorization: `Bearer ${await sessionTokenFor(t.db, { type: "staff", id: member.id })}` } };
  };
  const categoryByCode = async (code: string) => (await t.db.select().from(contactCategories).where(eq(contactCategories.code, code)))[0]!;
  const recordBody = (categoryIds: string[]): ContactRecordBody => ({
    categoryIds,
    repeat: "first",
    gender: "female",
    riskLevel: "medium",
    actions: ["direct_support", "referral"],
    referralTargets: ["school"],
    followUpNeeded: true,
    durationMinutes: 25,
    summary: "考试前失眠，和妈妈吵架后情绪低落。",
  });

  describe("contactTaxonomySeeder", () => {
    it("loads the 11 大类 with their 小类 once, and keeps the county's edits on a second run", async () => {
      const tree = (await t.request.get("/api/v1/contact-categories").set((await staffAuth()).auth).expect(200)).body as ContactCategoryTreeView[];
      expect(tree).toHaveLength(11);
      expect(tree.map((group) => group.name)).toEqual(["心理健康", "学业与学校", "家庭关系", "同伴关系", "暴力与伤害", "身体健康", "性与性别", "歧视与排斥", "失踪与出走", "求助服务", "非咨询来电"]);
      expect(tree[0]!.children.map((child) => child.name)).toContain("自杀意念/企图");
      expect(tree.every((group) => group.children.length >= 2)).toBe(true);

      const sleep = await categoryByCode("mental_health.sleep");
      await t.db.update(contactCategories).set({ name: "睡眠问题", active: false }).where(eq(contactCategories.id, sleep.id));
      expect(await contactTaxonomySeeder(t.db)).toBe(0);
      expect(await categoryByCode("mental_health.sleep")).toMatchObject({ name: "睡眠问题", active: false });
      await t.db.update(contactCategories).set({ name: "睡眠", active: true }).where(eq(contactCategories.id, sleep.id));
    });
  });

  describe("contact-categories routes", () => {
    it("lets a county centre admin add a 小类 and deactivate it; counsellors cannot edit", async () => {
      const admin = await staffAuth({ roles: ["centre_admin"] });
      const counsellor = await staffAuth({ roles: ["counsellor"] });
      const family = await categoryByCode("family");
      const created = await t.request.post("/api/v1/contact-categories").set(admin.auth).send({ name: "隔代教养", parentId: family.id }).expect(201);
      expect(created.body).toMatchObject({ name: "隔代教养", parentId: family.id, active: true });
      await t.request.patch(`/api/v1/contact-categories/${created.body.id}`).set(admin.auth).send({ active: false }).expect(200);
      const tree = (await t.request.get("/api/v1/contact-categories").set(counsellor.auth).expect(200)).body as ContactCategoryTreeView[];
      expect(tree.find((group) => group.id === family.id)!.children.map((child) => child.name)).not.toContain("隔代教养");

      const refused = await t.request.post("/api/v1/contact-categories").set(counsellor.auth).send({ name: "x" }).expect(403);
      expect(refused.body.error.code).toBe("FORBIDDEN");
      const areaAdmin = await staffAuth({ roles: ["centre_admin"], scope: "area" });
      await t.request.patch(`/api/v1/contact-categories/${family.id}`).set(areaAdmin.auth).send({ name: "家" }).expect(403);
      await t.request.get("/api/v1/contact-categories").set((await staffAuth({ roles: ["editor"] })).auth).expect(403);
    });
  });

  describe("contactRecorder", () => {
    it("writes a record with several categories, the user's school and band, and an encrypted summary", async () => {
      const school = await buildSchool(t.db);
      const user = await signInConsentedUser(t, { ageBand: "14_17", schoolId: school.id });
      const { member } = await staffAuth();
      const categories = [await categoryByCode("education.study_pressure"), await categoryByCode("family.parent_conflict")];
      const { id } = await t.db.transaction((tx) =>
        contactRecorder({ tx, cipher: t.services.cipher, origin: systemOrigin, channel: "callback", staffId: member.id, userId: user.me.id, body: recordBody(categories.map((c) => c.id)), now: new Date() }),
      );
      const [row] = await t.db.select().from(contactRecords).where(eq(contactRecords.id, id));
      expect(row).toMatchObject({ channel: "callback", ageBand: "14_17", schoolId: school.id, areaId: school.areaId, riskLevel: "medium", followUpNeeded: true });
      expect(row!.summaryEnc).not.toContain("失眠");
      expect(await t.db.select().from(contactRecordCategories).where(eq(contactRecordCategories.recordId, id))).toHaveLength(2);
      const history = await contactHistoryOfUser(t.db, t.services.cipher, user.me.id);
      expect(history[0]).toMatchObject({ id, alias: user.me.alias, summary: "考试前失眠，和妈妈吵架后情绪低落。", schoolName: school.name });
      expect(history[0]!.categories.map((c) => c.name).sort()).toEqual(["学习压力/考试焦虑", "亲子冲突"].sort());
    });

    it("refuses an inactive or unknown category and writes nothing", async () => {
      const { member } = await staffAuth();
      const inactive = await categoryByCode("mental_health.anger");
      await t.db.update(contactCategories).set({ active: false }).where(eq(contactCategories.id, inactive.id));
      const before = (await t.db.select().from(contactRecords)).length;
      await expect(
        t.db.transaction((tx) => contactRecorder({ tx, cipher: t.services.cipher, origin: systemOrigin, channel: "hotline", staffId: member.id, userId: null, body: recordBody([inactive.id]), now: new Date() })),
      ).rejects.toMatchObject({ code: "CONTACT_CATEGORY_INVALID" });
      expect(await t.db.select().from(contactRecords)).toHaveLength(before);
    });
  });
});
