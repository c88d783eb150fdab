import { eq } from "drizzle-orm";
import { staff } from "../../../db/schema";
import { createTestApp, type TestApp } from "../../../../../tests/support/testApp";
import { buildArea, buildSchool, buildStaff } from "../../../../../tests/support/factories";
import { buildSignedInStaff } from "../../../../../tests/support/staffSession";

describe("schools", () => {
  let t: TestApp;
  let admin: Awaited<ReturnType<typeof buildSignedInStaff>>;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await buildSignedInStaff(t, { roles: ["centre_admin"], scope: "county" });
  });
  afterAll(() => t.close());

  describe("schools.create", () => {
    it("adds a school to an area", async () => {
      const area = await buildArea(t.db);
      const response = await t.request.post("/api/v1/schools").set(admin.auth).send({ name: "测试中学-新", stage: "junior", areaId: area.id }).expect(201);
      expect(response.body).toEqual({ id: expect.any(String), name: "测试中学-新", stage: "junior", areaId: area.id, areaName: area.name, hasFullTimeCounsellor: false });
    });

    it("refuses an unknown area, a taken name and a non-admin", async () => {
      const school = await buildSchool(t.db);
      const missing = await t.request.post("/api/v1/schools").set(admin.auth).send({ name: "无片区学校", stage: "primary", areaId: "00000000-0000-4000-8000-000000000000" }).expect(404);
      expect(missing.body.error.code).toBe("AREA_NOT_FOUND");
      const taken = await t.request.post("/api/v1/schools").set(admin.auth).send({ name: school.name, stage: "primary", areaId: school.areaId }).expect(409);
      expect(taken.body.error.code).toBe("NAME_TAKEN");
      const counsellor = await buildSignedInStaff(t, { scope: "county" });
      await t.request.post("/api/v1/schools").set(counsellor.auth).send({ name: "越权学校", stage: "primary", areaId: school.areaId }).expect(403);
    });
  });

  describe("schools.update", () => {
    it("moves a school to another area and its school-level staff with it", async () => {
      const school = await buildSchool(t.db);
      const teacher = await buildStaff(t.db, { scope: "school", schoolId: school.id, areaId: school.areaId });
      const target = await buildArea(t.db);
      const response = await t.request.patch(`/api/v1/schools/${school.id}`).set(admin.auth).send({ areaId: target.id, hasFullTimeCounsellor: true }).expect(200);
      expect(response.body).toMatchObject({ areaId: target.id, areaName: target.name, hasFullTimeCounsellor: true });
      const [row] = await t.db.select().from(staff).where(eq(staff.id, teacher.id));
      expect(row?.areaId).toBe(target.id);
    });

    it("refuses moving an area's centre school", async () => {
      const school = await buildSchool(t.db);
      await t.request.patch(`/api/v1/areas/${school.areaId}`).set(admin.auth).send({ centreSchoolId: school.id }).expect(200);
      const target = await buildArea(t.db);
      const response = await t.request.patch(`/api/v1/schools/${school.id}`).set(admin.auth).send({ areaId: target.id }).expect(409);
      expect(response.body.error.code).toBe("SCHOOL_IS_AREA_CENTRE");
    });
  });

  describe("schools.list", () => {
    it("searches, filters and sorts within the caller's scope", async () => {
      const area = await buildArea(t.db);
      const senior = await buildSchool(t.db, { areaId: area.id, name: `列表高中-${area.id.slice(0, 4)}`, stage: "senior" });
      const junior = await buildSchool(t.db, { areaId: area.id, name: `列表初中-${area.id.slice(0, 4)}`, stage: "junior" });
      await buildSchool(t.db, { name: `列表其他-${area.id.slice(0, 4)}` });

      const inArea = await t.request.get("/api/v1/schools").query({ areaId: area.id, sort: "-name" }).set(admin.auth).expect(200);
      expect(inArea.body.total).toBe(2);
      const ascending = await t.request.get("/api/v1/schools").query({ areaId: area.id, sort: "name" }).set(admin.auth).expect(200);
      const ids = (body: { items: Array<{ id: string }> }) => body.items.map((item) => item.id);
      expect(ids(inArea.body)).toEqual([...ids(ascending.body)].reverse());

      const seniors = await t.request.get("/api/v1/schools").query({ areaId: area.id, stage: "senior" }).set(admin.auth).expect(200);
      expect(seniors.body.items.map((item: { id: string }) => item.id)).toEqual([senior.id]);
      const searched = await t.request.get("/api/v1/schools").query({ q: `列表初中-${area.id.slice(0, 4)}` }).set(admin.auth).expect(200);
      expect(searched.body.items.map((item: { id: string }) => item.id)).toEqual([junior.id]);

      const areaCounsellor = await buildSignedInStaff(t, { scope: "area", areaId: area.id });
      const areaView = await t.request.get("/api/v1/schools").query({ pageSize: 100 }).set(areaCounsellor.auth).expect(200);
      expect(areaView.body.items.map((item: { id: string }) => item.id).sort()).toEqual([senior.id, junior.id].sort());
      const schoolCounsellor = await buildSignedInStaff(t, { scope: "school", schoolId: junior.id, areaId: area.id });
      const schoolView = await t.request.get("/api/v1/schools").set(schoolCounsellor.auth).expect(200);
      expect(schoolView.body.items.map((item: { id: string }) => item.id)).toEqual([junior.id]);
    });
  });
});
