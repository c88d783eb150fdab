import { and, eq } from "drizzle-orm";
import { auditEvents, staff } from "../../../db/schema";
import { createTestApp, type TestApp } from "../../../../../tests/support/testApp";
import { buildStaff } from "../../../../../tests/support/factories";
import { loginStaff, randomClientIp } from "../../../../../tests/support/staffSession";
import { startFreshRateWindow } from "../../../../../tests/support/rateWindow";

const minute = 60_000;

describe("auth.staffLogin", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ TRUST_PROXY: "true" });
  });
  afterAll(() => t.close());

  const auditOf = (staffId: string, action: string) =>
    t.db.select().from(auditEvents).where(and(eq(auditEvents.targetId, staffId), eq(auditEvents.action, action)));

  it("signs a staff member in with a 12-hour session and an audit row", async () => {
    const member = await buildStaff(t.db, { roles: ["counsellor"], scope: "school" });
    const before = t.clock.now().getTime();
    const response = await loginStaff(t, member).expect(200);
    expect(response.body.token).toEqual(expect.any(String));
    expect(new Date(response.body.expiresAt).getTime() - before).toBeGreaterThanOrEqual(12 * 60 * minute - 5_000);
    expect(new Date(response.body.expiresAt).getTime() - before).toBeLessThanOrEqual(12 * 60 * minute + 5_000);
    expect(response.body.pending).toEqual([]);
    expect(response.body.staff).toMatchObject({ id: member.id, username: member.username, roles: ["counsellor"], status: "active", totpEnabled: false });
    expect(response.body.staff.scope).toMatchObject({ level: "school", schoolId: member.schoolId, areaId: member.areaId, schoolName: expect.any(String) });
    expect(JSON.stringify(response.body)).not.toMatch(/passwordHash|totpSecret|argon2/);
    const [audit] = await auditOf(member.id, "staff.login");
    expect(audit).toMatchObject({ actorType: "staff", actorId: member.id, ip: expect.stringContaining("10.") });
    await t.request.get("/api/v1/account").set("Authorization", `Bearer ${response.body.token}`).expect(200);
  });

  it("accepts the username in any case", async () => {
    const member = await buildStaff(t.db);
    await loginStaff(t, { ...member, username: member.username.toUpperCase() }).expect(200);
  });

  it("refuses a wrong password with INVALID_CREDENTIALS and audits the failure", async () => {
    const member = await buildStaff(t.db);
    const response = await loginStaff(t, { ...member, password: "wrong-password-1" }).expect(401);
    expect(response.body).toEqual({ error: { code: "INVALID_CREDENTIALS", message: expect.stringMatching(/用户名或密码/) } });
    const [failure] = await auditOf(member.id, "staff.login.failed");
    expect(failure?.detail).toMatchObject({ reason: "bad_password", failures: 1 });
  });

  it("refuses an unknown username exactly like a wrong password, without keeping what was typed", async () => {
    const response = await loginStaff(t, { username: "nobody_here", password: "whatever-123", totpSecret: null }).expect(401);
    expect(response.body.error.code).toBe("INVALID_CREDENTIALS");
    // (often a password typed into the wrong field: the append-only audit log must never hold it)
    const failures = await t.db.select().from(auditEvents).where(eq(auditEvents.action, "staff.login.failed"));
    expect(JSON.stringify(failures)).not.toContain("nobody_here");
    expect(failures.map((row) => row.detail)).toContainEqual({ reason: "unknown_username", typedUsernameLength: 11 });
  });

  it("takes the client address from the proxy's last X-Forwarded-For entry, not one the client wrote", async () => {
    const proxyHop = randomClientIp();
    startFreshRateWindow(t.clock, 60);
    for (let attempt = 1; attempt <= 10; attempt += 1) {
      await t.request.post("/api/v1/auth/staff/login").set("X-Forwarded-For", `${randomClientIp()}, ${proxyHop}`).send({ username: `spoof_${attempt}`, password: "x-password-1" }).expect(401);
    }
    const limited = await t.request.post("/api/v1/auth/staff/login").set("X-Forwarded-For", `${randomClientIp()}, ${proxyHop}`).send({ username: "spoof_11", password: "x-password-1" }).expect(429);
    expect(limited.body.error.code).toBe("RATE_LIMITED");
  });

  it("refuses a disabled account, but only tells a caller who knows the password", async () => {
    const member = await buildStaff(t.db, { status: "disabled" });
    expect((await loginStaff(t, { ...member, password: "wrong-password-1" }).expect(401)).body.error.code).toBe("INVALID_CREDENTIALS");
    expect((await loginStaff(t, member).expect(403)).body.error.code).toBe("ACCOUNT_DISABLED");
  });

  it("lists the first password change as pending for a new account", async () => {
    const member = await buildStaff(t.db, { mustChangePassword: true });
    const response = await loginStaff(t, member).expect(200);
    expect(response.body.pending).toEqual(["change_password"]);
    expect(response.body.staff.mustChangePassword).toBe(true);
  });

  it("locks the account after 5 failures and unlocks it after 15 minutes", async () => {
    const member = await buildStaff(t.db);
    const ip = randomClientIp();
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      expect((await loginStaff(t, { ...member, password: "wrong-password-1" }, ip).expect(401)).body.error.code).toBe("INVALID_CREDENTIALS");
    }
    // Locked answers look like a wrong password, so they do not tell which usernames exist (issue 14).
    const fifth = await loginStaff(t, { ...member, password: "wrong-password-1" }, ip).expect(401);
    expect(fifth.body.error.code).toBe("INVALID_CREDENTIALS");

    const locked = await loginStaff(t, member, ip).expect(401);
    expect(locked.body.error.code).toBe("INVALID_CREDENTIALS");
    expect(await auditOf(member.id, "staff.lock")).toHaveLength(1);

    t.clock.advance(14 * minute);
    await loginStaff(t, member, ip).expect(401);
    t.clock.advance(1 * minute + 1_000);
    await loginStaff(t, member, ip).expect(200);
    const [row] = await t.db.select().from(staff).where(eq(staff.id, member.id));
    expect(row).toMatchObject({ failedLoginCount: 0, lockedUntil: null });
  });

  it("counts simultaneous failures one by one, so a burst still locks the account", async () => {
    const member = await buildStaff(t.db);
    const attempts = Array.from({ length: 5 }, () => loginStaff(t, { ...member, password: "wrong-password-1" }).then((response) => response.status));
    expect((await Promise.all(attempts)).sort()).toEqual([401, 401, 401, 401, 401]);
    expect((await loginStaff(t, member).expect(401)).body.error.code).toBe("INVALID_CREDENTIALS");
    expect(await auditOf(member.id, "staff.lock")).toHaveLength(1);
    t.clock.advance(15 * minute + 1_000);
  });

  it("answers 429 with Retry-After after 10 attempts a minute from one address", async () => {
    const ip = randomClientIp();
    startFreshRateWindow(t.clock, 60);
    for (let attempt = 1; attempt <= 10; attempt += 1) {
      await loginStaff(t, { username: `ghost_${attempt}`, password: "x-password-1", totpSecret: null }, ip).expect(401);
    }
    const limited = await loginStaff(t, { username: "ghost_11", password: "x-password-1", totpSecret: null }, ip).expect(429);
    expect(limited.body.error.code).toBe("RATE_LIMITED");
    const retryAfter = Number(limited.headers["retry-after"]);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);

    await loginStaff(t, { username: "ghost_other_ip", password: "x-password-1", totpSecret: null }).expect(401);
    t.clock.advance(retryAfter * 1000);
    await loginStaff(t, { username: "ghost_12", password: "x-password-1", totpSecret: null }, ip).expect(401);
  });

  it("refuses a malformed request with VALIDATION_FAILED", async () => {
    const response = await t.request.post("/api/v1/auth/staff/login").set("X-Forwarded-For", randomClientIp()).send({ username: "a" }).expect(400);
    expect(response.body.error.code).toBe("VALIDATION_FAILED");
  });
});
