import { eq, sql } from "drizzle-orm";
import { appUsers } from "../../../db/schema";
import { createTestApp, type TestApp } from "../../../../../tests/support/testApp";
import { newOpenid, signInUser } from "../../../../../tests/support/userSession";

const aliasPattern = /^[\u4e00-\u9fa5]{2,3}-[0-9A-F]{4}$/;

describe("auth.wechatLogin", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it("signs a new user in through code2Session with an alias and a session of the configured length", async () => {
    const code = t.wechat.issueCode(newOpenid());
    const before = t.clock.now().getTime();
    const response = await t.request.post("/api/v1/auth/wechat/login").send({ code }).expect(200);
    expect(response.body.token).toEqual(expect.any(String));
    expect(response.body.me).toMatchObject({ alias: expect.stringMatching(aliasPattern), role: null, ageBand: null, school: null, consents: [], canUseCounselling: false });
    expect(response.body.me.missingConsents).toEqual(["privacy", "sensitive"]);
    const days = (new Date(response.body.expiresAt).getTime() - before) / 86_400_000;
    expect(days).toBeCloseTo(t.services.config.sessions.userDays, 2);

    const me = await t.request.get("/api/v1/me").set("Authorization", `Bearer ${response.body.token}`).expect(200);
    expect(me.body.id).toBe(response.body.me.id);
  });

  it("stores only a keyed hash of the openid, never the openid itself", async () => {
    const user = await signInUser(t);
    const [row] = await t.db.select().from(appUsers).where(eq(appUsers.id, user.me.id));
    expect(row!.openidHash).toBe(t.services.hashIdentity("wechat-openid", user.openid));
    const raw = await t.db.execute(sql`SELECT * FROM app_users WHERE id = ${user.me.id}`);
    expect(JSON.stringify(raw)).not.toContain(user.openid);
    expect(JSON.stringify(user.me)).not.toContain(row!.openidHash!);
  });

  it("keeps the same user and alias across logins, and gives another person another alias", async () => {
    const openid = newOpenid();
    const first = await signInUser(t, openid);
    const second = await signInUser(t, openid);
    const other = await signInUser(t);
    expect(second.me.id).toBe(first.me.id);
    expect(second.me.alias).toBe(first.me.alias);
    expect(second.token).not.toBe(first.token);
    expect(other.me.id).not.toBe(first.me.id);
    expect(other.me.alias).not.toBe(first.me.alias);
  });

  it("creates one user when the same person's first two logins race", async () => {
    const openid = newOpenid();
    const codes = [t.wechat.issueCode(openid), t.wechat.issueCode(openid)];
    const replies = await Promise.all(codes.map((code) => t.request.post("/api/v1/auth/wechat/login").send({ code }).expect(200)));
    expect(replies[0]!.body.me.id).toBe(replies[1]!.body.me.id);
    const rows = await t.db.select().from(appUsers).where(eq(appUsers.openidHash, t.services.hashIdentity("wechat-openid", openid)));
    expect(rows).toHaveLength(1);
  });

  it("refuses an unknown or already used code", async () => {
    const code = t.wechat.issueCode(newOpenid());
    await t.request.post("/api/v1/auth/wechat/login").send({ code }).expect(200);
    const reused = await t.request.post("/api/v1/auth/wechat/login").send({ code }).expect(401);
    expect(reused.body.error.code).toBe("WECHAT_LOGIN_FAILED");
    const missing = await t.request.post("/api/v1/auth/wechat/login").send({}).expect(400);
    expect(missing.body.error.code).toBe("VALIDATION_FAILED");
  });

  it("ends a user session at its expiry", async () => {
    const user = await signInUser(t);
    t.clock.advance((t.services.config.sessions.userDays + 1) * 86_400_000);
    const expired = await t.request.get("/api/v1/me").set(user.auth).expect(401);
    expect(expired.body.error.code).toBe("SESSION_EXPIRED");
  });

  it("limits logins per IP and answers 429 with Retry-After", async () => {
    t.clock.advance(60_000);
    let limited: { status: number; headers: Record<string, string>; body: { error: { code: string } } } | undefined;
    for (let attempt = 0; attempt < 40 && !limited; attempt += 1) {
      const response = await t.request.post("/api/v1/auth/wechat/login").send({ code: "not-a-code" });
      if (response.status === 429) limited = response;
      else expect(response.status).toBe(401);
    }
    expect(limited?.body.error.code).toBe("RATE_LIMITED");
    expect(Number(limited?.headers["retry-after"])).toBeGreaterThan(0);
    t.clock.advance(61_000);
    await signInUser(t);
  });
});

describe("auth.wechatLogin without WeChat", () => {
  it("answers 503 WECHAT_UNAVAILABLE when the WeChat host cannot be reached", async () => {
    const t = await createTestApp({ WECHAT_API_BASE: "http://127.0.0.1:9" });
    try {
      const response = await t.request.post("/api/v1/auth/wechat/login").send({ code: "anything" }).expect(503);
      expect(response.body.error.code).toBe("WECHAT_UNAVAILABLE");
    } finally {
      await t.close();
    }
  });
});
