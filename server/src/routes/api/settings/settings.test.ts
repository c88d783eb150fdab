import { eq } from "drizzle-orm";
import { auditEvents } from "../../../db/schema";
import { totpCode } from "../../../auth/totp";
import { createTestApp, type TestApp } from "../../../../../tests/support/testApp";
import { buildArea, buildStaff } from "../../../../../tests/support/factories";
import { buildSignedInStaff, loginStaff } from "../../../../../tests/support/staffSession";

describe("settings", () => {
  let t: TestApp;
  let admin: Awaited<ReturnType<typeof buildSignedInStaff>>;
  beforeAll(async () => {
    t = await createTestApp({ TRUST_PROXY: "true" });
    admin = await buildSignedInStaff(t, { roles: ["centre_admin"], scope: "county", withTotp: { cipher: t.services.cipher } });
  });
  afterAll(() => t.close());

  it("is read and changed by county centre admins only", async () => {
    expect((await t.request.get("/api/v1/settings").set(admin.auth).expect(200)).body).toEqual({ requireTotpForAllStaff: false, requireTotpForRoles: ["centre_admin", "supervisor"], allowTypedGuardianConsent: true });
    const areaAdmin = await buildSignedInStaff(t, { roles: ["centre_admin"], scope: "area", areaId: (await buildArea(t.db)).id });
    const supervisor = await buildSignedInStaff(t, { roles: ["supervisor"], scope: "county" });
    await t.request.get("/api/v1/settings").set(areaAdmin.auth).expect(403);
    await t.request.patch("/api/v1/settings").set(areaAdmin.auth).send({ requireTotpForAllStaff: true }).expect(403);
    await t.request.patch("/api/v1/settings").set(supervisor.auth).send({ requireTotpForAllStaff: true }).expect(403);
  });

  describe("settings.requireTotpForAllStaff", () => {
    afterEach(async () => {
      await t.request.patch("/api/v1/settings").set(admin.auth).send({ requireTotpForAllStaff: false }).expect(200);
    });

    it("makes every staff member without TOTP enrol before anything else", async () => {
      const changed = await t.request.patch("/api/v1/settings").set(admin.auth).send({ requireTotpForAllStaff: true }).expect(200);
      expect(changed.body).toEqual({ requireTotpForAllStaff: true, requireTotpForRoles: ["centre_admin", "supervisor"], allowTypedGuardianConsent: true });
      const [audit] = await t.db.select().from(auditEvents).where(eq(auditEvents.action, "settings.update"));
      expect(audit?.detail).toEqual({ before: { requireTotpForAllStaff: false }, after: { requireTotpForAllStaff: true } });

      const member = await buildStaff(t.db);
      const login = await loginStaff(t, member).expect(200);
      expect(login.body.pending).toEqual(["enrol_totp"]);
      const auth = { Authorization: `Bearer ${login.body.token as string}` };
      expect((await t.request.get("/api/v1/areas").set(auth).expect(403)).body.error.code).toBe("TOTP_ENROLMENT_REQUIRED");

      const setup = await t.request.post("/api/v1/account/totp/setup").set(auth).expect(200);
      const confirmed = await t.request.post("/api/v1/account/totp/confirm").set(auth).send({ code: totpCode(setup.body.secret, t.clock.now()) }).expect(200);
      expect(confirmed.body.pending).toEqual([]);
      await t.request.get("/api/v1/areas").set(auth).expect(200);
    });

    it("asks for the password change first, then enrolment", async () => {
      await t.request.patch("/api/v1/settings").set(admin.auth).send({ requireTotpForAllStaff: true }).expect(200);
      const member = await buildStaff(t.db, { mustChangePassword: true });
      const login = await loginStaff(t, member).expect(200);
      expect(login.body.pending).toEqual(["change_password", "enrol_totp"]);
      const auth = { Authorization: `Bearer ${login.body.token as string}` };
      expect((await t.request.get("/api/v1/areas").set(auth).expect(403)).body.error.code).toBe("PASSWORD_CHANGE_REQUIRED");
      await t.request.post("/api/v1/account/password").set(auth).send({ currentPassword: member.password, newPassword: "Another-pass-42" }).expect(200);
      expect((await t.request.get("/api/v1/areas").set(auth).expect(403)).body.error.code).toBe("TOTP_ENROLMENT_REQUIRED");
    });
  });
});
