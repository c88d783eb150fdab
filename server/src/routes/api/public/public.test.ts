import { createTestApp, type TestApp } from "../../../../../tests/support/testApp";

describe("public.config", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ HOTLINE_NUMBER: "0818-1234567" });
  });
  afterAll(() => t.close());

  it("gives the hotline from configuration and the national helplines", async () => {
    const response = await t.request.get("/api/v1/public/config").expect(200);
    expect(response.body.hotline.number).toBe("0818-1234567");
    expect(response.body.fallbackHelplines.map((line: { number: string }) => line.number)).toEqual(["12356", "12355", "12320"]);
    expect(response.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("answers unknown API paths with the error shape", async () => {
    const response = await t.request.get("/api/v1/nope").expect(404);
    expect(response.body).toEqual({ error: { code: "ROUTE_NOT_FOUND", message: expect.stringMatching(/接口/) } });
  });

  it("is ready once migrations are applied", async () => {
    const response = await t.request.get("/readyz").expect(200);
    expect(response.body.migrations.applied).toBe(response.body.migrations.expected);
  });
});
