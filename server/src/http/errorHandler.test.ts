import { createTestApp, type TestApp } from "../../../tests/support/testApp";

describe("http.errorHandler", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    t.apiRouter.get("/test-only/boom", () => {
      throw new Error("database password is hunter2 at /srv/secret.ts:42");
    });
  });
  afterAll(() => t.close());

  it("answers an unexpected error with a generic 500 and no stack trace", async () => {
    const response = await t.request.get("/api/v1/test-only/boom").expect(500);
    expect(response.body).toEqual({ error: { code: "INTERNAL", message: expect.stringMatching(/[\u4e00-\u9fa5]/) } });
    expect(response.text).not.toMatch(/hunter2|secret\.ts|at \w+ \(|Error:/);
    expect(response.headers["x-request-id"]).toEqual(expect.any(String));
  });

  it("answers broken JSON with BAD_JSON", async () => {
    const response = await t.request.post("/api/v1/auth/staff/login").set("Content-Type", "application/json").send("{not json").expect(400);
    expect(response.body.error.code).toBe("BAD_JSON");
  });

  it("answers a staff route without a session with UNAUTHENTICATED", async () => {
    const response = await t.request.get("/api/v1/staff").expect(401);
    expect(response.body).toEqual({ error: { code: "UNAUTHENTICATED", message: expect.any(String) } });
  });
});
