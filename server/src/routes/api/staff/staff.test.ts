import { and, eq } from "drizzle-orm";
import { auditEvents, staff } from "../../../db/schema";
import { createTestApp, type TestApp } from "../../../../../tests/support/testApp";
import { buildArea, buildSchool, buildStaff } from "../../../../../tests/support/factories";
import { buildSignedInStaff, loginStaff, staffSessionFor } from "../../../../../tests/support/staffSession";

describe("staff management", () => {
  let t: TestApp;
  let countyAdmin: Awaited<ReturnType<typeof buildSignedInStaff>>;
  beforeAll(async () => {
    t = await createTestApp({ TRUST_PROXY: "true" });
    countyAdmin = await buildSignedInStaff(t, { roles: ["centre_admin"], scope: "county" });
  });
  afterAll(() => t.close());

  const areaAdminOf = (areaId: string) => buildSignedInStaff(t, { roles: ["centre_admin"], scope: "area", areaId });
  const auditActions = async (targetId: string) => (await t.db.select().from(auditEvents).where(eq(auditEvents.targetId, targetId))).map((row) => row.action);
  const newAccount = (scope: { level: string; areaId?: string | null; schoolId?: string | null }, username = `new_${Math.random().toString(36).slice(2, 8)}`) => ({
    username,
    displayName: "新老师",
    roles: ["counsellor"],
    scope,
  });

  describe("staff.create", () => {
    it("creates an account with a one-time temporary password that must be changed", async () => {
      const school = await buildSchool(t.db);
      const response = await t.request.post("/api/v1/staff").set(countyAdmin.auth).send(newAccount({ level: "school", schoolId: school.id })).expect(201);
      expect(response.body).toMatchObject({ mustChangePassword: true, status: "active", totpEnabled: false, roles: ["counsellor"] });
      expect(response.body.scope).toMatchObject({ level: "school", schoolId: school.id, areaId: school.areaId, schoolName: school.name });
      expect(response.body.temporaryPassword).toMatch(/^(?=.*[A-Za-z])(?=.*\d).{14}$/);
      expect(JSON.stringify(response.body)).not.toMatch(/passwordHash|argon2/);
      expect(await auditActions(response.body.id)).toContain("staff.create");

      const login = await loginStaff(t, { username: response.body.username, password: response.body.temporaryPassword, totpSecret: null }).expect(200);
      expect(login.body.pending).toEqual(["change_password"]);
    });

    it("refuses a username already taken, whatever its case", async () => {
      const existing = await buildStaff(t.db);
      const response = await t.request.post("/api/v1/staff").set(countyAdmin.auth).send(newAccount({ level: "county" }, existing.username.toUpperCase())).expect(409);
      expect(response.body.error.code).toBe("USERNAME_TAKEN");
    });

    it("refuses an area admin creating a county account", async () => {
      const area = await buildArea(t.db);
      const admin = await areaAdminOf(area.id);
      const response = await t.request.post("/api/v1/staff").set(admin.auth).send(newAccount({ level: "county" })).expect(403);
      expect(response.body.error.code).toBe("SCOPE_NOT_ALLOWED");
    });

    it("refuses an area admin creating staff in another area or its schools", async () => {
      const admin = await areaAdminOf((await buildArea(t.db)).id);
      const elsewhere = await buildSchool(t.db);
      await t.request.post("/api/v1/staff").set(admin.auth).send(newAccount({ level: "area", areaId: elsewhere.areaId })).expect(403);
      await t.request.post("/api/v1/staff").set(admin.auth).send(newAccount({ level: "school", schoolId: elsewhere.id })).expect(403);
    });

    it("lets an area admin create staff at a school of their own area", async () => {
      const school = await buildSchool(t.db);
      const admin = await areaAdminOf(school.areaId);
      const response = await t.request.post("/api/v1/staff").set(admin.auth).send(newAccount({ level: "school", schoolId: school.id })).expect(201);
      expect(response.body.scope.areaId).toBe(school.areaId);
    });

    it("refuses a school admin creating an area account", async () => {
      const school = await buildSchool(t.db);
      const admin = await buildSignedInStaff(t, { roles: ["centre_admin"], scope: "school", schoolId: school.id, areaId: school.areaId });
      await t.request.post("/api/v1/staff").set(admin.auth).send(newAccount({ level: "area", areaId: school.areaId })).expect(403);
    });

    it("refuses anyone who is not a centre admin", async () => {
      const supervisor = await buildSignedInStaff(t, { roles: ["supervisor", "counsellor"], scope: "county" });
      const response = await t.request.post("/api/v1/staff").set(supervisor.auth).send(newAccount({ level: "county" })).expect(403);
      expect(response.body.error.code).toBe("FORBIDDEN");
    });

    it("refuses a scope that does not fit its level", async () => {
      const area = await buildArea(t.db);
      const response = await t.request.post("/api/v1/staff").set(countyAdmin.auth).send(newAccount({ level: "county", areaId: area.id })).expect(400);
      expect(response.body.error.code).toBe("SCOPE_INVALID");
      await t.request.post("/api/v1/staff").set(countyAdmin.auth).send(newAccount({ level: "area" })).expect(400);
    });
  });

  describe("staff.list", () => {
    it("pages, sorts and filters the staff of the admin's own area only", async () => {
      const school = await buildSchool(t.db);
      const admin = await areaAdminOf(school.areaId);
      const inArea = [
        await buildStaff(t.db, { scope: "area", areaId: school.areaId, roles: ["counsellor"] }),
        await buildStaff(t.db, { scope: "school", schoolId: school.id, areaId: school.areaId, roles: ["counsellor"] }),
        await buildStaff(t.db, { scope: "school", schoolId: school.id, areaId: school.areaId, roles: ["editor"] }),
        await buildStaff(t.db, { scope: "area", areaId: school.areaId, roles: ["counsellor"], status: "disabled" }),
      ];
      const outside = await buildStaff(t.db, { scope: "area" });
      const expected = [...inArea.map((member) => member.username), admin.username].sort();

      const first = await t.request.get("/api/v1/staff").query({ pageSize: 3, sort: "username" }).set(admin.auth).expect(200);
      const second = await t.request.get("/api/v1/staff").query({ page: 2, pageSize: 3, sort: "username" }).set(admin.auth).expect(200);
      expect(first.body).toMatchObject({ total: 5, page: 1, pageSize: 3 });
      const names = [...first.body.items, ...second.body.items].map((item: { username: string }) => item.username);
      expect(names).toEqual(expected);
      expect(names).not.toContain(outside.username);

      const reversed = await t.request.get("/api/v1/staff").query({ sort: "-username" }).set(admin.auth).expect(200);
      expect(reversed.body.items.map((item: { username: string }) => item.username)).toEqual([...expected].reverse());

      const editors = await t.request.get("/api/v1/staff").query({ role: "editor" }).set(admin.auth).expect(200);
      expect(editors.body.items.map((item: { id: string }) => item.id)).toEqual([inArea[2]!.id]);
      const disabled = await t.request.get("/api/v1/staff").query({ status: "disabled" }).set(admin.auth).expect(200);
      expect(disabled.body.items.map((item: { id: string }) => item.id)).toEqual([inArea[3]!.id]);
      const searched = await t.request.get("/api/v1/staff").query({ q: inArea[1]!.username.slice(-6) }).set(admin.auth).expect(200);
      expect(searched.body.items.map((item: { id: string }) => item.id)).toEqual([inArea[1]!.id]);
    });

    it("lets a county admin see every area's staff", async () => {
      const member = await buildStaff(t.db, { scope: "school" });
      const response = await t.request.get("/api/v1/staff").query({ q: member.username, pageSize: 100 }).set(countyAdmin.auth).expect(200);
      expect(response.body.items.map((item: { id: string }) => item.id)).toEqual([member.id]);
    });

    it("refuses an unknown sort field and a counsellor", async () => {
      expect((await t.request.get("/api/v1/staff").query({ sort: "passwordHash" }).set(countyAdmin.auth).expect(400)).body.error.code).toBe("VALIDATION_FAILED");
      const counsellor = await buildSignedInStaff(t, { scope: "county" });
      await t.request.get("/api/v1/staff").set(counsellor.auth).expect(403);
    });
  });

  describe("staff.get", () => {
    it("shows a staff record in scope and audits the read", async () => {
      const member = await buildStaff(t.db);
      await t.request.get(`/api/v1/staff/${member.id}`).set(countyAdmin.auth).expect(200);
      expect(await auditActions(member.id)).toContain("staff.read");
    });

    it("answers 404 for another area's staff and 400 for a malformed id", async () => {
      const admin = await areaAdminOf((await buildArea(t.db)).id);
      const other = await buildStaff(t.db, { scope: "area" });
      expect((await t.request.get(`/api/v1/staff/${other.id}`).set(admin.auth).expect(404)).body.error.code).toBe("STAFF_NOT_FOUND");
      await t.request.get("/api/v1/staff/not-a-uuid").set(admin.auth).expect(400);
    });
  });

  describe("staff.update", () => {
    it("refuses an area admin touching another area's staff", async () => {
      const admin = await areaAdminOf((await buildArea(t.db)).id);
      const other = await buildStaff(t.db, { scope: "area" });
      const response = await t.request.patch(`/api/v1/staff/${other.id}`).set(admin.auth).send({ displayName: "改名" }).expect(404);
      expect(response.body.error.code).toBe("STAFF_NOT_FOUND");
      for (const action of ["reset-password", "reset-totp", "disable", "enable"]) {
        await t.request.post(`/api/v1/staff/${other.id}/${action}`).set(admin.auth).expect(404);
      }
      const [row] = await t.db.select().from(staff).where(eq(staff.id, other.id));
      expect(row?.displayName).not.toBe("改名");
    });

    it("refuses an area admin widening their own staff to county", async () => {
      const area = await buildArea(t.db);
      const admin = await areaAdminOf(area.id);
      const member = await buildStaff(t.db, { scope: "area", areaId: area.id });
      const response = await t.request.patch(`/api/v1/staff/${member.id}`).set(admin.auth).send({ scope: { level: "county" } }).expect(403);
      expect(response.body.error.code).toBe("SCOPE_NOT_ALLOWED");
    });

    it("changes roles and scope within scope and keeps before and after in the audit", async () => {
      const school = await buildSchool(t.db);
      const admin = await areaAdminOf(school.areaId);
      const member = await buildStaff(t.db, { scope: "area", areaId: school.areaId });
      const response = await t.request
        .patch(`/api/v1/staff/${member.id}`)
        .set(admin.auth)
        .send({ roles: ["counsellor", "centre_admin"], scope: { level: "school", schoolId: school.id } })
        .expect(200);
      expect(response.body).toMatchObject({ roles: ["counsellor", "centre_admin"], scope: { level: "school", schoolId: school.id, areaId: school.areaId } });
      const [audit] = await t.db.select().from(auditEvents).where(and(eq(auditEvents.targetId, member.id), eq(auditEvents.action, "staff.update")));
      expect(audit?.detail).toMatchObject({ before: { roles: ["counsellor"], scope: { level: "area" } }, after: { roles: ["counsellor", "centre_admin"] } });
    });

    it("leaves county roles (supervisor, editor, reviewer, expert) to county admins; an area admin may still take one away", async () => {
      const school = await buildSchool(t.db);
      const admin = await areaAdminOf(school.areaId);
      for (const role of ["supervisor", "editor", "reviewer", "expert"]) {
        const created = await t.request.post("/api/v1/staff").set(admin.auth).send({ ...newAccount({ level: "school", schoolId: school.id }), roles: ["counsellor", role] }).expect(403);
        expect(created.body.error).toMatchObject({ code: "ROLE_NOT_ALLOWED", message: expect.stringContaining("县心理中心管理员") });
      }
      const member = await buildStaff(t.db, { scope: "school", schoolId: school.id, areaId: school.areaId, roles: ["counsellor"] });
      const raised = await t.request.patch(`/api/v1/staff/${member.id}`).set(admin.auth).send({ roles: ["counsellor", "supervisor"] }).expect(403);
      expect(raised.body.error.code).toBe("ROLE_NOT_ALLOWED");
      const [unchanged] = await t.db.select().from(staff).where(eq(staff.id, member.id));
      expect(unchanged!.roles).toEqual(["counsellor"]);

      const supervisor = await buildStaff(t.db, { scope: "school", schoolId: school.id, areaId: school.areaId, roles: ["counsellor", "supervisor"] });
      await t.request.patch(`/api/v1/staff/${supervisor.id}`).set(admin.auth).send({ roles: ["counsellor"] }).expect(200);
      const byCounty = await t.request.post("/api/v1/staff").set(countyAdmin.auth).send({ ...newAccount({ level: "county" }), roles: ["supervisor"] }).expect(201);
      expect(byCounty.body.roles).toEqual(["supervisor"]);
    });

    it("lets an admin rename themselves but not change their own roles", async () => {
      const admin = await buildSignedInStaff(t, { roles: ["centre_admin"], scope: "county" });
      await t.request.patch(`/api/v1/staff/${admin.id}`).set(admin.auth).send({ displayName: "新名字" }).expect(200);
      const response = await t.request.patch(`/api/v1/staff/${admin.id}`).set(admin.auth).send({ roles: ["counsellor"] }).expect(403);
      expect(response.body.error.code).toBe("OWN_ACCOUNT_PROTECTED");
    });
  });

  describe("staff.resetPassword", () => {
    it("gives a new temporary password and ends sessions", async () => {
      const member = await buildStaff(t.db);
      const session = await staffSessionFor(t, member);
      const response = await t.request.post(`/api/v1/staff/${member.id}/reset-password`).set(countyAdmin.auth).expect(200);
      expect(response.body).toMatchObject({ mustChangePassword: true, temporaryPassword: expect.any(String) });
      await t.request.get("/api/v1/account").set(session.auth).expect(401);
      await loginStaff(t, member).expect(401);
      const login = await loginStaff(t, { ...member, password: response.body.temporaryPassword }).expect(200);
      expect(login.body.pending).toEqual(["change_password"]);
      expect(await auditActions(member.id)).toContain("staff.password.reset");
    });

    it("refuses an admin resetting their own password", async () => {
      const response = await t.request.post(`/api/v1/staff/${countyAdmin.id}/reset-password`).set(countyAdmin.auth).expect(403);
      expect(response.body.error.code).toBe("OWN_ACCOUNT_PROTECTED");
    });
  });

  describe("staff.resetTotp", () => {
    it("removes the second factor and ends sessions", async () => {
      const member = await buildStaff(t.db, { withTotp: { cipher: t.services.cipher } });
      const session = await staffSessionFor(t, member);
      const response = await t.request.post(`/api/v1/staff/${member.id}/reset-totp`).set(countyAdmin.auth).expect(200);
      expect(response.body.totpEnabled).toBe(false);
      await t.request.get("/api/v1/account").set(session.auth).expect(401);
      await loginStaff(t, { ...member, totpSecret: null }).expect(200);
      expect(await auditActions(member.id)).toContain("staff.totp.reset");
    });
  });

  describe("staff.disable", () => {
    it("disables an account at once and enables it again", async () => {
      const member = await buildStaff(t.db);
      const session = await staffSessionFor(t, member);
      const disabled = await t.request.post(`/api/v1/staff/${member.id}/disable`).set(countyAdmin.auth).expect(200);
      expect(disabled.body.status).toBe("disabled");
      await t.request.get("/api/v1/account").set(session.auth).expect(401);
      expect((await loginStaff(t, member).expect(403)).body.error.code).toBe("ACCOUNT_DISABLED");
      await t.request.post(`/api/v1/staff/${member.id}/disable`).set(countyAdmin.auth).expect(200);

      const enabled = await t.request.post(`/api/v1/staff/${member.id}/enable`).set(countyAdmin.auth).expect(200);
      expect(enabled.body.status).toBe("active");
      await loginStaff(t, member).expect(200);
      expect((await auditActions(member.id)).filter((action) => action === "staff.disable")).toHaveLength(1);
      expect(await auditActions(member.id)).toContain("staff.enable");
    });

    it("refuses an admin disabling themselves", async () => {
      const response = await t.request.post(`/api/v1/staff/${countyAdmin.id}/disable`).set(countyAdmin.auth).expect(403);
      expect(response.body.error.code).toBe("OWN_ACCOUNT_PROTECTED");
    });

    it("refuses a school admin disabling area staff of the same area", async () => {
      const school = await buildSchool(t.db);
      const admin = await buildSignedInStaff(t, { roles: ["centre_admin"], scope: "school", schoolId: school.id, areaId: school.areaId });
      const areaMember = await buildStaff(t.db, { scope: "area", areaId: school.areaId });
      await t.request.post(`/api/v1/staff/${areaMember.id}/disable`).set(admin.auth).expect(404);
    });
  });
});
