import { createTestApp, type TestApp } from "../../../../../tests/support/testApp";
import { buildArea, buildSchool } from "../../../../../tests/support/factories";

describe("public.schools", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it("lists schools with their area, searchable by part of the name and by area, without sign-in", async () => {
    const north = await buildArea(t.db, { name: "渠北片区" });
    const south = await buildArea(t.db, { name: "渠南片区" });
    await buildSchool(t.db, { name: "渠县第一中学", areaId: north.id });
    await buildSchool(t.db, { name: "渠县第二中学", areaId: south.id });
    await buildSchool(t.db, { name: "有庆镇小学", areaId: south.id });

    const all = await t.request.get("/api/v1/public/schools").expect(200);
    expect(all.body).toHaveLength(3);
    expect(all.body[0]).toEqual({ id: expect.any(String), name: expect.any(String), areaName: expect.stringMatching(/片区$/) });

    const search = await t.request.get("/api/v1/public/schools").query({ q: " 中学 " }).expect(200);
    expect(search.body.map((school: { name: string }) => school.name).sort()).toEqual(["渠县第一中学", "渠县第二中学"]);
    const inArea = await t.request.get("/api/v1/public/schools").query({ q: "中学", areaId: south.id }).expect(200);
    expect(inArea.body).toEqual([{ id: expect.any(String), name: "渠县第二中学", areaName: "渠南片区" }]);
  });

  it("treats % and _ in the search as plain characters", async () => {
    const response = await t.request.get("/api/v1/public/schools").query({ q: "%" }).expect(200);
    expect(response.body).toEqual([]);
  });

  it("refuses a malformed area id", async () => {
    const response = await t.request.get("/api/v1/public/schools").query({ areaId: "nope" }).expect(400);
    expect(response.body.error.code).toBe("VALIDATION_FAILED");
  });
});
