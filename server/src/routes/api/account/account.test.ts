import { eq, sql } from "drizzle-orm";
import { auditEvents, staff } from "../../../db/schema";
import { totpCode } from "../../../auth/totp";
import { createTestApp, type TestApp } from "../../../../../tests/support/testApp";
import { buildSignedInStaff, loginStaff, staffSessionFor } from "../../../../../tests/support/staffSession";

describe("account", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ TRUST_PROXY: "true" });
  });
  afterAll(() => t.close());

  describe("account.get", () => {
    it("shows the signed-in staff member with pending steps and no secrets", async () => {
      const member = await buildSignedInStaff(t, { mustChangePassword: true, withTotp: { cipher: t.services.cipher } });
      const response = await t.request.get("/api/v1/account").set(member.auth).expect(200);
      expect(response.body).toMatchObject({ id: member.id, pending: ["change_password"], totpEnabled: true, mustChangePassword: true });
      expect(Object.keys(response.body).sort()).toEqual(
        ["createdAt", "displayName", "id", "lastLoginAt", "mustChangePassword", "pending", "roles", "scope", "status", "totpEnabled", "username"].sort(),
      );
    });

    it("needs a staff session", async () => {
      expect((await t.request.get("/api/v1/account").expect(401)).body.error.code).toBe("UNAUTHENTICATED");
    });
  });

  describe("account.changePassword", () => {
    it("gates every other route until the first password is changed", async () => {
      const admin = await buildSignedInStaff(t, { roles: ["centre_admin"], mustChangePassword: true });
      const gated = await t.request.get("/api/v1/staff").set(admin.auth).expect(403);
      expect(gated.body.error.code).toBe("PASSWORD_CHANGE_REQUIRED");
      await t.request.get("/api/v1/areas").set(admin.auth).expect(403);

      const wrong = await t.request.post("/api/v1/account/password").set(admin.auth).send({ currentPassword: "not-it-123", newPassword: "Lantern-river-47!" }).expect(400);
      expect(wrong.body.error.code).toBe("PASSWORD_INCORRECT");
      const changed = await t.request.post("/api/v1/account/password").set(admin.auth).send({ currentPassword: admin.password, newPassword: "Lantern-river-47!" }).expect(200);
      expect(changed.body).toMatchObject({ mustChangePassword: false, pending: [] });
      await t.request.get("/api/v1/staff").set(admin.auth).expect(200);

      const actions = (await t.db.select().from(auditEvents).where(eq(auditEvents.targetId, admin.id))).map((row) => row.action);
      expect(actions).toEqual(expect.arrayContaining(["staff.password.change.failed", "staff.password.change"]));
    });

    it("ends every session after the fifth wrong current password, without locking the account for its owner", async () => {
      const member = await buildSignedInStaff(t);
      for (let attempt = 1; attempt <= 4; attempt += 1) {
        const wrong = await t.request.post("/api/v1/account/password").set(member.auth).send({ currentPassword: `guess-${attempt}-abc`, newPassword: "Lantern-river-47!" }).expect(400);
        expect(wrong.body.error.code).toBe("PASSWORD_INCORRECT");
      }
      const ended = await t.request.post("/api/v1/account/password").set(member.auth).send({ currentPassword: "guess-5-abc", newPassword: "Lantern-river-47!" }).expect(401);
      expect(ended.body.error).toEqual({ code: "SIGNED_OUT_AFTER_FAILURES", message: expect.stringContaining("重新登录") });
      expect((await t.request.get("/api/v1/account").set(member.auth)).status).toBe(401);
      const actions = (await t.db.select().from(auditEvents).where(eq(auditEvents.targetId, member.id))).map((row) => row.action);
      expect(actions).toContain("staff.sessions.ended");
      // issue 14: nobody can lock an account; its owner signs in again at once
      await loginStaff(t, member).expect(200);
      t.clock.advance(61_000); // the next tests start in a fresh per-minute rate-limit window
    });

    it("revokes the other sessions, keeps this one, and only the new password signs in", async () => {
      const member = await buildSignedInStaff(t);
      const other = await staffSessionFor(t, member);
      await t.request.post("/api/v1/account/password").set(member.auth).send({ currentPassword: member.password, newPassword: "Brand-new-pass-9" }).expect(200);
      await t.request.get("/api/v1/account").set(member.auth).expect(200);
      await t.request.get("/api/v1/account").set(other.auth).expect(401);
      await loginStaff(t, member).expect(401);
      await loginStaff(t, { ...member, password: "Brand-new-pass-9" }).expect(200);
    });

    it("refuses a weak password and the current one again", async () => {
      const member = await buildSignedInStaff(t);
      const weak = await t.request.post("/api/v1/account/password").set(member.auth).send({ currentPassword: member.password, newPassword: "short1" }).expect(400);
      expect(weak.body.error.code).toBe("VALIDATION_FAILED");
      const lettersOnly = await t.request.post("/api/v1/account/password").set(member.auth).send({ currentPassword: member.password, newPassword: "passwordpassword" }).expect(400);
      expect(lettersOnly.body.error.code).toBe("PASSWORD_TOO_WEAK");
      const reused = await t.request.post("/api/v1/account/password").set(member.auth).send({ currentPassword: member.password, newPassword: member.password }).expect(400);
      expect(reused.body.error.code).toBe("PASSWORD_REUSED");
    });
  });

  describe("account.totp", () => {
    it("enrols a second factor that sign-in then requires, refusing the enrolment code's step again", async () => {
      const member = await buildSignedInStaff(t);
      const setup = await t.request.post("/api/v1/account/totp/setup").set(member.auth).expect(200);
      expect(setup.body.otpauthUrl).toContain(`secret=${setup.body.secret as string}`);
      const secret = setup.body.secret as string;

      const code = totpCode(secret, t.clock.now());
      const wrong = code === "123456" ? "654321" : "123456";
      expect((await t.request.post("/api/v1/account/totp/confirm").set(member.auth).send({ code: wrong }).expect(400)).body.error.code).toBe("TOTP_INVALID");
      const confirmed = await t.request.post("/api/v1/account/totp/confirm").set(member.auth).send({ code }).expect(200);
      expect(confirmed.body.totpEnabled).toBe(true);

      const again = await t.request.post("/api/v1/account/totp/setup").set(member.auth).expect(409);
      expect(again.body.error.code).toBe("TOTP_ALREADY_ENROLLED");

      expect((await loginStaff(t, member).expect(401)).body.error.code).toBe("TOTP_REQUIRED");
      expect((await loginStaff(t, { ...member, totpSecret: secret }).expect(401)).body.error.code).toBe("TOTP_INVALID");
      t.clock.advance(30_000);
      await loginStaff(t, { ...member, totpSecret: secret }).expect(200);

      const actions = (await t.db.select().from(auditEvents).where(eq(auditEvents.targetId, member.id))).map((row) => row.action);
      expect(actions).toEqual(expect.arrayContaining(["staff.totp.setup", "staff.totp.enrol"]));
    });

    it("keeps the secret encrypted at rest", async () => {
      const member = await buildSignedInStaff(t);
      const setup = await t.request.post("/api/v1/account/totp/setup").set(member.auth).expect(200);
      await t.request.post("/api/v1/account/totp/confirm").set(member.auth).send({ code: totpCode(setup.body.secret, t.clock.now()) }).expect(200);
      const result = await t.db.execute(sql`SELECT totp_secret_enc FROM staff WHERE id = ${member.id}`);
      const stored = String((result as unknown as { rows: Array<{ totp_secret_enc: string }> }).rows[0]?.totp_secret_enc);
      expect(stored.startsWith("v2.")).toBe(true);
      expect(stored).not.toContain(setup.body.secret);
    });

    it("refuses a confirmation before setup", async () => {
      const member = await buildSignedInStaff(t);
      const response = await t.request.post("/api/v1/account/totp/confirm").set(member.auth).send({ code: "123456" }).expect(400);
      expect(response.body.error.code).toBe("TOTP_NOT_STARTED");
    });

    it("is allowed while the first password change is still pending", async () => {
      const member = await buildSignedInStaff(t, { mustChangePassword: true });
      await t.request.post("/api/v1/account/totp/setup").set(member.auth).expect(200);
      const [row] = await t.db.select().from(staff).where(eq(staff.id, member.id));
      expect(row?.totpPendingSecretEnc).toMatch(/^v2\./);
    });
  });
});
