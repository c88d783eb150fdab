import { and, eq } from "drizzle-orm";
import { auditEvents } from "../../../db/schema";
import { totpCode } from "../../../auth/totp";
import { createTestApp, type TestApp } from "../../../../../tests/support/testApp";
import { buildStaff } from "../../../../../tests/support/factories";
import { loginStaff, randomClientIp } from "../../../../../tests/support/staffSession";

describe("auth.staffLogin with TOTP", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ TRUST_PROXY: "true" });
  });
  afterAll(() => t.close());

  const enrolled = () => buildStaff(t.db, { withTotp: { cipher: t.services.cipher } });
  const login = (member: { username: string; password: string }, totp?: string, ip = randomClientIp()) =>
    t.request
      .post("/api/v1/auth/staff/login")
      .set("X-Forwarded-For", ip)
      .send({ username: member.username, password: member.password, ...(totp ? { totpCode: totp } : {}) });

  it("asks for the code when the account has a second factor", async () => {
    const member = await enrolled();
    const response = await login(member).expect(401);
    expect(response.body.error.code).toBe("TOTP_REQUIRED");
  });

  it("signs in with the current code", async () => {
    const member = await enrolled();
    const response = await loginStaff(t, member).expect(200);
    expect(response.body.staff.totpEnabled).toBe(true);
  });

  /** A code valid at no step around now (the server accepts one step of drift either way). */
  const wrongCode = (secret: string) => {
    const near = [-30_000, 0, 30_000].map((offset) => totpCode(secret, new Date(t.clock.now().getTime() + offset)));
    return ["000000", "111111", "222222", "333333"].find((code) => !near.includes(code))!;
  };

  it("refuses a wrong code and counts it as a failed login", async () => {
    const member = await enrolled();
    const response = await login(member, wrongCode(member.totpSecret!)).expect(401);
    expect(response.body.error.code).toBe("TOTP_INVALID");
    const [failure] = await t.db.select().from(auditEvents).where(and(eq(auditEvents.targetId, member.id), eq(auditEvents.action, "staff.login.failed")));
    expect(failure?.detail).toMatchObject({ reason: "bad_totp", failures: 1 });
  });

  it("refuses a code whose time step was already used", async () => {
    const member = await enrolled();
    const code = totpCode(member.totpSecret!, t.clock.now());
    await login(member, code).expect(200);
    const replay = await login(member, code).expect(401);
    expect(replay.body.error.code).toBe("TOTP_INVALID");
    t.clock.advance(30_000);
    await login(member, totpCode(member.totpSecret!, t.clock.now())).expect(200);
  });

  it("slows the address guessing codes after 6 wrong ones, even with the right code, and only that address", async () => {
    const member = await enrolled();
    const wrong = wrongCode(member.totpSecret!);
    const ip = randomClientIp();
    for (let attempt = 1; attempt <= 5; attempt += 1) await login(member, wrong, ip).expect(401);
    expect((await login(member, wrong, ip).expect(401)).body.error.code).toBe("TOTP_INVALID");
    expect((await loginStaff(t, member, ip).expect(429)).body.error.code).toBe("SIGN_IN_SLOWED");
    await loginStaff(t, member).expect(200);
  });
});
