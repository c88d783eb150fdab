import { eq } from "drizzle-orm";
import { staff } from "../db/schema";
import { totpCode } from "./totp";
import { seedDemoData } from "../demo/seedDemoData";
import { createTestApp, type TestApp } from "../../../tests/support/testApp";
import { buildStaff } from "../../../tests/support/factories";
import { buildSignedInStaff, loginStaff } from "../../../tests/support/staffSession";

/**
 * Issue 14 (Medium): supervisors read any chat and centre admins manage every account, so by default
 * they must enrol a second factor before anything else; the roles that must are a platform setting.
 */
describe("TOTP required by role", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ TRUST_PROXY: "true" });
  });
  afterAll(() => t.close());

  it.each([["supervisor"], ["centre_admin"]] as const)("a %s without a second factor must enrol one first (the default)", async (role) => {
    const member = await buildStaff(t.db, { roles: [role, "counsellor"], withTotp: false });
    const session = await loginStaff(t, member).expect(200);
    expect(session.body.pending).toContain("enrol_totp");
    const refused = await t.request.get("/api/v1/chats/live").set("Authorization", `Bearer ${session.body.token}`);
    expect(refused.status).toBe(403);
  });

  it("a counsellor is not asked by default", async () => {
    const member = await buildStaff(t.db, { roles: ["counsellor"], withTotp: false });
    const session = await loginStaff(t, member).expect(200);
    expect(session.body.pending).not.toContain("enrol_totp");
  });

  it("the roles that must enrol are a setting the centre admin changes (audited)", async () => {
    const admin = await buildSignedInStaff(t, { roles: ["centre_admin"] });
    const defaults = await t.request.get("/api/v1/settings").set(admin.auth).expect(200);
    expect(defaults.body.requireTotpForRoles).toEqual(["centre_admin", "supervisor"]);
    const changed = await t.request.patch("/api/v1/settings").set(admin.auth).send({ requireTotpForRoles: ["centre_admin", "supervisor", "counsellor"] }).expect(200);
    expect(changed.body.requireTotpForRoles).toEqual(["centre_admin", "counsellor", "supervisor"]);
    const counsellor = await buildStaff(t.db, { roles: ["counsellor"], withTotp: false });
    expect((await loginStaff(t, counsellor).expect(200)).body.pending).toContain("enrol_totp");
    await t.request.patch("/api/v1/settings").set(admin.auth).send({ requireTotpForRoles: ["centre_admin", "supervisor"] }).expect(200);
  });

  it("the demo enrols its supervisor and centre admin and hands back what signing in needs", async () => {
    await t.db.delete(staff).where(eq(staff.username, "admin"));
    const accounts = await seedDemoData(t.services);
    for (const username of ["admin", "supervisor"]) {
      const account = accounts.find((entry) => entry.username === username)!;
      expect(account.totpSecret).toMatch(/^[A-Z2-7]{32}$/);
      expect(account.otpauthUrl).toContain(`secret=${account.totpSecret}`);
      const session = await loginStaff(t, account).expect(200);
      expect(session.body.pending).toEqual([]);
    }
    const counsellor = accounts.find((entry) => entry.username === "counsellor")!;
    expect(counsellor.totpSecret).toBeNull();
    expect(totpCode(accounts.find((entry) => entry.username === "admin")!.totpSecret!, t.clock.now())).toMatch(/^\d{6}$/);
  });
});
