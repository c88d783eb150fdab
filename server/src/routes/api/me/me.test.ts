import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { currentConsentVersions } from "@xinyuan/shared";
import { auditEvents, consents } from "../../../db/schema";
import { createTestApp, type TestApp } from "../../../../../tests/support/testApp";
import { buildSchool } from "../../../../../tests/support/factories";
import { signInUser } from "../../../../../tests/support/userSession";
import { sealed } from "../../../crypto/sealedColumns";

const guardianConsent = { kind: "guardian", version: currentConsentVersions.guardian, guardianRelation: "father", guardianName: "李建国" };

describe("me", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  describe("me.get", () => {
    it("needs a signed-in user", async () => {
      const response = await t.request.get("/api/v1/me").expect(401);
      expect(response.body.error.code).toBe("UNAUTHENTICATED");
    });
  });

  describe("me.updateProfile", () => {
    it("sets role, age band and school, and clears the school with null", async () => {
      const user = await signInUser(t);
      const school = await buildSchool(t.db);
      const updated = await t.request.patch("/api/v1/me/profile").set(user.auth).send({ role: "student", ageBand: "14_17", schoolId: school.id }).expect(200);
      expect(updated.body).toMatchObject({ role: "student", ageBand: "14_17", school: { id: school.id, name: school.name } });

      const partial = await t.request.patch("/api/v1/me/profile").set(user.auth).send({ role: "parent" }).expect(200);
      expect(partial.body).toMatchObject({ role: "parent", ageBand: "14_17", school: { id: school.id } });
      const cleared = await t.request.patch("/api/v1/me/profile").set(user.auth).send({ schoolId: null }).expect(200);
      expect(cleared.body.school).toBeNull();

      const audits = await t.db.select().from(auditEvents).where(eq(auditEvents.targetId, user.me.id));
      expect(audits.filter((row) => row.action === "user.profile.update")).toHaveLength(3);
    });

    it("refuses a school that does not exist and changes nothing", async () => {
      const user = await signInUser(t);
      const response = await t.request.patch("/api/v1/me/profile").set(user.auth).send({ ageBand: "18_plus", schoolId: randomUUID() }).expect(404);
      expect(response.body.error.code).toBe("SCHOOL_NOT_FOUND");
      const me = await t.request.get("/api/v1/me").set(user.auth).expect(200);
      expect(me.body.ageBand).toBeNull();
    });

    it("does not let an under-14 raise their age band past the guardian gate alone, and audits the change", async () => {
      const user = await signInUser(t);
      await t.request.patch("/api/v1/me/profile").set(user.auth).send({ ageBand: "10_13" }).expect(200);
      const raised = await t.request.patch("/api/v1/me/profile").set(user.auth).send({ ageBand: "14_17" }).expect(409);
      expect(raised.body.error).toMatchObject({ code: "AGE_BAND_RAISE_NEEDS_GUARDIAN", message: expect.stringContaining("监护人") });
      expect((await t.request.get("/api/v1/me").set(user.auth).expect(200)).body.ageBand).toBe("10_13");
      await t.request.patch("/api/v1/me/profile").set(user.auth).send({ ageBand: "under_10" }).expect(200);

      await t.request.post("/api/v1/me/consents").set(user.auth).send(guardianConsent).expect(200);
      await t.request.patch("/api/v1/me/profile").set(user.auth).send({ ageBand: "14_17" }).expect(200);
      const audits = (await t.db.select().from(auditEvents).where(eq(auditEvents.targetId, user.me.id))).filter((row) => row.action === "user.profile.update");
      expect(audits.map((row) => (row.detail as { ageBand?: unknown }).ageBand)).toContainEqual({ from: "under_10", to: "14_17" });
    });

    it("refuses unknown roles and age bands", async () => {
      const user = await signInUser(t);
      const response = await t.request.patch("/api/v1/me/profile").set(user.auth).send({ ageBand: "twelve" }).expect(400);
      expect(response.body.error.code).toBe("VALIDATION_FAILED");
    });
  });

  describe("me.giveConsent", () => {
    it("records privacy and sensitive consent, versioned and timestamped, and then allows counselling", async () => {
      const user = await signInUser(t);
      await t.request.patch("/api/v1/me/profile").set(user.auth).send({ ageBand: "14_17" }).expect(200);
      const afterPrivacy = await t.request.post("/api/v1/me/consents").set(user.auth).send({ kind: "privacy", version: currentConsentVersions.privacy }).expect(200);
      expect(afterPrivacy.body.missingConsents).toEqual(["sensitive"]);
      const afterBoth = await t.request.post("/api/v1/me/consents").set(user.auth).send({ kind: "sensitive", version: currentConsentVersions.sensitive }).expect(200);
      expect(afterBoth.body).toMatchObject({ canUseCounselling: true, missingConsents: [] });
      expect(afterBoth.body.consents).toEqual(
        expect.arrayContaining([
          { kind: "privacy", version: currentConsentVersions.privacy, givenAt: expect.any(String) },
          { kind: "sensitive", version: currentConsentVersions.sensitive, givenAt: expect.any(String) },
        ]),
      );
    });

    it("is idempotent: giving the same consent again adds no row", async () => {
      const user = await signInUser(t);
      const body = { kind: "privacy", version: currentConsentVersions.privacy };
      await t.request.post("/api/v1/me/consents").set(user.auth).send(body).expect(200);
      await Promise.all([1, 2, 3].map(() => t.request.post("/api/v1/me/consents").set(user.auth).send(body).expect(200)));
      const rows = await t.db.select().from(consents).where(eq(consents.userId, user.me.id));
      expect(rows).toHaveLength(1);
    });

    it("refuses an outdated version with CONSENT_VERSION_OUTDATED", async () => {
      const user = await signInUser(t);
      const response = await t.request.post("/api/v1/me/consents").set(user.auth).send({ kind: "privacy", version: "2020-01-01" }).expect(409);
      expect(response.body.error.code).toBe("CONSENT_VERSION_OUTDATED");
      expect(await t.db.select().from(consents).where(eq(consents.userId, user.me.id))).toHaveLength(0);
    });

    it("takes a guardian's consent for an under-14 band, storing the name encrypted", async () => {
      const user = await signInUser(t);
      await t.request.patch("/api/v1/me/profile").set(user.auth).send({ ageBand: "10_13" }).expect(200);
      const response = await t.request.post("/api/v1/me/consents").set(user.auth).send(guardianConsent).expect(200);
      expect(response.body.consents).toContainEqual({ kind: "guardian", version: currentConsentVersions.guardian, givenAt: expect.any(String), guardianRelation: "father", method: "typed" });
      expect(JSON.stringify(response.body)).not.toContain("李建国");
      const [row] = await t.db.select().from(consents).where(eq(consents.userId, user.me.id));
      expect(row!.guardianNameEnc).not.toContain("李建国");
      expect(t.services.cipher.decrypt(row!.guardianNameEnc!, sealed.consentGuardianName.at(row!))).toBe("李建国");

      await t.request.post("/api/v1/me/consents").set(user.auth).send(guardianConsent).expect(200);
      await t.request.post("/api/v1/me/consents").set(user.auth).send({ ...guardianConsent, guardianRelation: "mother", guardianName: "张秀英" }).expect(200);
      expect(await t.db.select().from(consents).where(eq(consents.userId, user.me.id))).toHaveLength(2);
    });

    it("refuses guardian consent without an age band or for 14 and over", async () => {
      const user = await signInUser(t);
      const noBand = await t.request.post("/api/v1/me/consents").set(user.auth).send(guardianConsent).expect(409);
      expect(noBand.body.error.code).toBe("AGE_BAND_REQUIRED");
      await t.request.patch("/api/v1/me/profile").set(user.auth).send({ ageBand: "14_17" }).expect(200);
      const older = await t.request.post("/api/v1/me/consents").set(user.auth).send(guardianConsent).expect(409);
      expect(older.body.error.code).toBe("GUARDIAN_CONSENT_NOT_NEEDED");
    });

    it("asks for the guardian's name", async () => {
      const user = await signInUser(t);
      await t.request.patch("/api/v1/me/profile").set(user.auth).send({ ageBand: "under_10" }).expect(200);
      const response = await t.request.post("/api/v1/me/consents").set(user.auth).send({ ...guardianConsent, guardianName: "  " }).expect(400);
      expect(response.body.error.message).toBe("请监护人填写姓名");
    });
  });
});
