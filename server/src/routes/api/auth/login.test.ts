import { and, eq } from "drizzle-orm";
import { auditEvents, signInFailures } from "../../../db/schema";
import { loadConfig } from "../../../config";
import { forgetFailuresAfterMs, pruneSignInFailures } from "../../../auth/signInThrottle";
import { createTestApp, type TestApp } from "../../../../../tests/support/testApp";
import { buildStaff } from "../../../../../tests/support/factories";
import { buildSignedInStaff, loginStaff, randomClientIp } from "../../../../../tests/support/staffSession";
import { startFreshRateWindow } from "../../../../../tests/support/rateWindow";

const minute = 60_000;

describe("auth.staffLogin", () => {
  let t: TestApp;
  beforeAll(async () => {
    // A low per-address ceiling so its test stays short; the default (120 a minute) is checked below.
    t = await createTestApp({ TRUST_PROXY: "true", SIGN_IN_PER_ADDRESS_PER_MINUTE: "20" });
  });
  afterAll(() => t.close());

  const ceiling = 20;
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
    expect(failures.map((row) => row.detail)).toContainEqual({ reason: "unknown_username", failures: 1, typedUsernameLength: 11 });
  });

  it("takes the client address from the proxy's last X-Forwarded-For entry, not one the client wrote", async () => {
    const proxyHop = randomClientIp();
    startFreshRateWindow(t.clock, 60);
    for (let attempt = 1; attempt <= ceiling; attempt += 1) {
      await t.request.post("/api/v1/auth/staff/login").set("X-Forwarded-For", `${randomClientIp()}, ${proxyHop}`).send({ username: `spoof_${attempt}`, password: "x-password-1" }).expect(401);
    }
    const limited = await t.request.post("/api/v1/auth/staff/login").set("X-Forwarded-For", `${randomClientIp()}, ${proxyHop}`).send({ username: "spoof_last", password: "x-password-1" }).expect(429);
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

  const wrong = (member: { username: string; totpSecret?: string | null }) => ({ ...member, password: "wrong-password-1", totpSecret: member.totpSecret ?? null });

  it("slows only the (username, address) pair: the owner elsewhere and a colleague behind the same address sign in", async () => {
    const member = await buildStaff(t.db);
    const colleague = await buildStaff(t.db);
    const attacker = randomClientIp();
    // five free failures, and the sixth wrong guess is still checked (and answered like any other)
    for (let attempt = 1; attempt <= 6; attempt += 1) {
      expect((await loginStaff(t, wrong(member), attacker).expect(401)).body.error.code).toBe("INVALID_CREDENTIALS");
    }
    // now that pair waits 30 s, even with the right password, and is told so kindly
    const slowed = await loginStaff(t, member, attacker).expect(429);
    expect(slowed.body.error).toEqual({ code: "SIGN_IN_SLOWED", message: expect.stringContaining("30 秒后再登录"), details: { retryAfterSeconds: 30 } });
    expect(slowed.headers["retry-after"]).toBe("30");
    expect((await auditOf(member.id, "staff.login.failed")).map((row) => row.detail)).toContainEqual({ reason: "slowed" });

    // never a lock for everyone: the owner at their own address, and a colleague at the attacker's (school NAT)
    await loginStaff(t, member, randomClientIp()).expect(200);
    await loginStaff(t, colleague, attacker).expect(200);

    // the wait grows: after 30 s one more wrong guess is checked, then 60 s
    t.clock.advance(30_000);
    await loginStaff(t, wrong(member), attacker).expect(401);
    expect((await loginStaff(t, member, attacker).expect(429)).headers["retry-after"]).toBe("60");
    t.clock.advance(60_000);
    // the right password at last: the pair's failures are forgotten
    await loginStaff(t, member, attacker).expect(200);
    expect(await t.db.select().from(signInFailures)).not.toContainEqual(expect.objectContaining({ clientKey: attacker }));
    await loginStaff(t, wrong(member), attacker).expect(401);
    expect(await auditOf(member.id, "staff.lock")).toEqual([]);
  });

  it("an admin's password reset lets a slowed address sign in again at once with the temporary password", async () => {
    const member = await buildStaff(t.db, { roles: ["counsellor"], scope: "county" });
    const admin = await buildSignedInStaff(t, { roles: ["centre_admin"], scope: "county" });
    const office = randomClientIp();
    for (let attempt = 1; attempt <= 6; attempt += 1) await loginStaff(t, wrong(member), office).expect(401);
    await loginStaff(t, member, office).expect(429);
    const reset = await t.request.post(`/api/v1/staff/${member.id}/reset-password`).set(admin.auth).expect(200);
    const signedIn = await loginStaff(t, { ...member, password: reset.body.temporaryPassword }, office).expect(200);
    expect(signedIn.body.pending).toEqual(["change_password"]);
  });

  it("answers an unknown username exactly as a known one, slowed alike and in about the same time", async () => {
    const member = await buildStaff(t.db);
    const ghost = { username: `ghost_${member.username}`, password: "wrong-password-1", totpSecret: null };
    const [knownAt, ghostAt] = [randomClientIp(), randomClientIp()];
    const answers: Record<"known" | "ghost", Array<{ status: number; body: unknown; retryAfter?: string }>> = { known: [], ghost: [] };
    const took: Record<"known" | "ghost", number[]> = { known: [], ghost: [] };
    for (let attempt = 1; attempt <= 8; attempt += 1) {
      for (const [who, member_, ip] of [["known", wrong(member), knownAt], ["ghost", ghost, ghostAt]] as const) {
        const started = performance.now();
        const response = await loginStaff(t, member_, ip);
        if (attempt <= 6) took[who].push(performance.now() - started);
        answers[who].push({ status: response.status, body: response.body, retryAfter: response.headers["retry-after"] });
      }
    }
    expect(answers.ghost).toEqual(answers.known);
    expect(answers.known.map((answer) => answer.status)).toEqual([401, 401, 401, 401, 401, 401, 429, 429]);
    // both check a password hash of the same cost: neither's median answer is twice as quick as the other's
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    expect(median(took.ghost) / median(took.known)).toBeGreaterThan(0.5);
    expect(median(took.ghost) / median(took.known)).toBeLessThan(2);
  });

  it("checks a burst of simultaneous guesses from one pair one by one", async () => {
    const member = await buildStaff(t.db);
    const ip = randomClientIp();
    const statuses = await Promise.all(Array.from({ length: 9 }, () => loginStaff(t, wrong(member), ip).then((response) => response.status)));
    expect(statuses.sort()).toEqual([401, 401, 401, 401, 401, 401, 429, 429, 429]);
    const [row] = await t.db.select().from(signInFailures).where(eq(signInFailures.clientKey, ip));
    expect(row).toMatchObject({ failures: 6 });
    t.clock.advance(15 * minute + 1_000);
  });

  it("forgets pairs quiet for a day, but not one still waiting or recently failing", async () => {
    const now = t.clock.now();
    const old = new Date(now.getTime() - forgetFailuresAfterMs - 60_000);
    await t.db.insert(signInFailures).values([
      { usernameHash: "prune-old", clientKey: "10.0.0.1", failures: 3, lastFailureAt: old },
      { usernameHash: "prune-recent", clientKey: "10.0.0.1", failures: 3, lastFailureAt: now },
    ]);
    expect(await pruneSignInFailures(t.db, now)).toBeGreaterThanOrEqual(1);
    const left = (await t.db.select().from(signInFailures)).map((row) => row.usernameHash);
    expect(left).toContain("prune-recent");
    expect(left).not.toContain("prune-old");
  });

  it("keeps the per-address ceiling high enough for a school behind one address by default", () => {
    const defaults = loadConfig({ NODE_ENV: "test" });
    expect(defaults.signIn.perAddressPerMinute).toBeGreaterThanOrEqual(100);
    expect(defaults.signIn).toMatchObject({ freeFailures: 5, firstWaitSeconds: 30, longestWaitSeconds: 900 });
  });

  it("answers 429 with Retry-After past the per-address ceiling a minute, whatever the usernames", async () => {
    const ip = randomClientIp();
    startFreshRateWindow(t.clock, 60);
    for (let attempt = 1; attempt <= ceiling; attempt += 1) {
      await loginStaff(t, { username: `ghost_${attempt}`, password: "x-password-1", totpSecret: null }, ip).expect(401);
    }
    const limited = await loginStaff(t, { username: "ghost_last", password: "x-password-1", totpSecret: null }, ip).expect(429);
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
