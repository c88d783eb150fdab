import { createTestApp, type TestApp } from "../../../tests/support/testApp";

/** Issue 14 (Info): no HSTS over TLS, and a CSP that let scripts open websockets to any host. */
describe("security headers", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ TRUST_PROXY: "true", CORS_ORIGINS: "https://h5.example.cn" });
  });
  afterAll(() => t.close());

  it("sends HSTS when served over TLS behind a trusted proxy, and not over plain HTTP", async () => {
    const secure = await t.request.get("/healthz").set("X-Forwarded-Proto", "https");
    expect(secure.headers["strict-transport-security"]).toMatch(/^max-age=\d{7,}; includeSubDomains$/);
    const plain = await t.request.get("/healthz");
    expect(plain.headers["strict-transport-security"]).toBeUndefined();
  });

  it("limits connect-src to this origin (and configured origins), not any websocket host", async () => {
    const response = await t.request.get("/healthz").set("Host", "xinyuan.example.cn").set("X-Forwarded-Proto", "https");
    const connect = /connect-src ([^;]*)/.exec(String(response.headers["content-security-policy"]))![1]!.split(" ");
    expect(connect).not.toContain("ws:");
    expect(connect).not.toContain("wss:");
    expect(connect).toEqual(["'self'", "wss://xinyuan.example.cn", "https://h5.example.cn"]);
  });
});
