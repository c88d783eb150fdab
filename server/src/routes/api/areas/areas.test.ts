import { eq } from "drizzle-orm";
import { auditEvents } from "../../../db/schema";
import { createTestApp, type TestApp } from "../../../../../tests/support/testApp";
import { buildArea, buildSchool } from "../../../../../tests/support/factories";
import { buildSignedInStaff } from "../../../../../tests/support/staffSession";

describe("areas", () => {
  let t: TestApp;
  let admin: Awaited<ReturnType<typeof buildSignedInStaff>>;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await buildSignedInStaff(t, { roles: ["centre_admin"], scope: "county" });
  });
  afterAll(() => t.close());

  describe("areas.create", () => {
    it("adds an area for a county admin and audits it", async () => {
      const response = await t.request.post("/api/v1/areas").set(admin.auth).send({ name: "渠南片区-测试" }).expect(201);
      expect(response.body).toEqual({ id: expect.any(String), name: "渠南片区-测试", centreSchoolId: null, centreSchoolName: null, schoolCount: 0 });
      const rows = await t.db.select().from(auditEvents).where(eq(auditEvents.targetId, response.body.id));
      expect(rows.map((row) => row.action)).toEqual(["area.create"]);
    });

    it("refuses a name already used", async () => {
      const area = await buildArea(t.db);
      expect((await t.request.post("/api/v1/areas").set(admin.auth).send({ name: area.name }).expect(409)).body.error.code).toBe("NAME_TAKEN");
    });

    it("refuses an area admin and a counsellor", async () => {
      const area = await buildArea(t.db);
      const areaAdmin = await buildSignedInStaff(t, { roles: ["centre_admin"], scope: "area", areaId: area.id });
      const counsellor = await buildSignedInStaff(t, { roles: ["counsellor"], scope: "county" });
      await t.request.post("/api/v1/areas").set(areaAdmin.auth).send({ name: "越权片区" }).expect(403);
      await t.request.post("/api/v1/areas").set(counsellor.auth).send({ name: "越权片区" }).expect(403);
      await t.request.patch(`/api/v1/areas/${area.id}`).set(areaAdmin.auth).send({ name: "越权改名" }).expect(403);
    });
  });

  describe("areas.update", () => {
    it("picks a centre school of the area, and refuses one from elsewhere", async () => {
      const school = await buildSchool(t.db);
      const response = await t.request.patch(`/api/v1/areas/${school.areaId}`).set(admin.auth).send({ centreSchoolId: school.id }).expect(200);
      expect(response.body).toMatchObject({ centreSchoolId: school.id, centreSchoolName: school.name, schoolCount: 1 });
      const elsewhere = await buildSchool(t.db);
      const refused = await t.request.patch(`/api/v1/areas/${school.areaId}`).set(admin.auth).send({ centreSchoolId: elsewhere.id }).expect(400);
      expect(refused.body.error.code).toBe("CENTRE_SCHOOL_OUTSIDE_AREA");
    });

    it("answers 404 for an unknown area", async () => {
      const response = await t.request.patch("/api/v1/areas/00000000-0000-4000-8000-000000000000").set(admin.auth).send({ name: "无" }).expect(404);
      expect(response.body.error.code).toBe("AREA_NOT_FOUND");
    });
  });

  describe("areas.list", () => {
    it("shows a county member every area and a school member only their own", async () => {
      const school = await buildSchool(t.db);
      await buildArea(t.db);
      const schoolCounsellor = await buildSignedInStaff(t, { scope: "school", schoolId: school.id, areaId: school.areaId });
      const all = await t.request.get("/api/v1/areas").query({ pageSize: 100 }).set(admin.auth).expect(200);
      expect(all.body.total).toBeGreaterThanOrEqual(2);
      const reversed = await t.request.get("/api/v1/areas").query({ pageSize: 100, sort: "-name" }).set(admin.auth).expect(200);
      const ids = (body: { items: Array<{ id: string }> }) => body.items.map((item) => item.id);
      expect(ids(reversed.body)).toEqual([...ids(all.body)].reverse());
      const own = await t.request.get("/api/v1/areas").set(schoolCounsellor.auth).expect(200);
      expect(own.body.items.map((item: { id: string }) => item.id)).toEqual([school.areaId]);
    });
  });
});
