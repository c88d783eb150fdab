import { eq } from "drizzle-orm";
import { currentConsentVersions, guardianInvitationHours, type GuardianInvitationView, type MeView, type UserExportView } from "@xinyuan/shared";
import { consents, guardianInvitations } from "../db/schema/index";
import { guardianInvitationRateLimit } from "./guardianInvitations";
import { createTestApp, type TestApp } from "../../../tests/support/testApp";
import { signInConsentedUser, signInUser, type SignedInUser } from "../../../tests/support/userSession";
import { buildSignedInStaff } from "../../../tests/support/staffSession";

describe("guardian consent by WeChat invitation", () => {
  let t: TestApp;
  let parent: SignedInUser;
  beforeAll(async () => {
    t = await createTestApp();
    parent = await signInUser(t);
    await t.request.patch("/api/v1/me/profile").set(parent.auth).send({ role: "parent" }).expect(200);
    await agreePrivacy(parent);
  });
  afterAll(() => t.close());
  const agreePrivacy = (user: SignedInUser) => t.request.post("/api/v1/me/consents").set(user.auth).send({ kind: "privacy", version: currentConsentVersions.privacy }).expect(200);

  const invite = async (child: SignedInUser) => (await t.request.post("/api/v1/me/guardian-invitations").set(child.auth).expect(200)).body as GuardianInvitationView;
  const under14 = () => signInConsentedUser(t, { ageBand: "10_13", withGuardian: false });

  it("lets the guardian confirm once in their own account; the child's status and consent follow", async () => {
    const child = await under14();
    const invitation = await invite(child);
    expect(invitation.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(invitation.status).toBe("pending");

    const opened = await t.request.get(`/api/v1/guardian-invitations/${invitation.token}`).set(parent.auth).expect(200);
    expect(opened.body).toMatchObject({ childAlias: child.me.alias, status: "pending" });
    expect(JSON.stringify(opened.body)).not.toContain(child.me.id);

    await t.request.post(`/api/v1/guardian-invitations/${invitation.token}/confirm`).set(parent.auth).send({ guardianRelation: "mother" }).expect(200);
    const polled = await t.request.get(`/api/v1/me/guardian-invitations/${invitation.id}`).set(child.auth).expect(200);
    expect(polled.body).toMatchObject({ status: "confirmed", guardianRelation: "mother" });
    expect(polled.body.token).toBeUndefined();
    const me = (await t.request.get("/api/v1/me").set(child.auth).expect(200)).body as MeView;
    expect(me.canUseCounselling).toBe(true);
    expect(me.consents.find((c) => c.kind === "guardian")).toMatchObject({ method: "invitation", guardianRelation: "mother" });

    // Single use: a second confirm (or a decline) is refused and adds no consent.
    const again = await t.request.post(`/api/v1/guardian-invitations/${invitation.token}/confirm`).set(parent.auth).send({ guardianRelation: "father" }).expect(409);
    expect(again.body.error).toMatchObject({ code: "GUARDIAN_INVITATION_USED" });
    await t.request.post(`/api/v1/guardian-invitations/${invitation.token}/decline`).set(parent.auth).expect(409);
    expect(await t.db.select().from(consents).where(eq(consents.userId, child.me.id))).toHaveLength(3);

    // Export: the child sees how the consent was given; the guardian sees what they answered.
    const childExport = (await t.request.get("/api/v1/me/export").set(child.auth).expect(200)).body as UserExportView;
    expect(childExport.readable).toContain("监护人在自己的微信里确认");
    expect(childExport.readable).toContain("监护人已同意");
    const parentExport = (await t.request.get("/api/v1/me/export").set(parent.auth).expect(200)).body as UserExportView;
    expect(parentExport.readable).toContain("我作为监护人处理的邀请");
  });

  it("refuses the child's own account, a non-parent, a wrong token (404, Chinese) and an expired one", async () => {
    const child = await under14();
    const invitation = await invite(child);
    const self = await t.request.post(`/api/v1/guardian-invitations/${invitation.token}/confirm`).set(child.auth).send({ guardianRelation: "mother" }).expect(403);
    expect(self.body.error.code).toBe("GUARDIAN_INVITATION_SELF");
    await t.request.get(`/api/v1/guardian-invitations/${invitation.token}`).set(child.auth).expect(403);

    const stranger = await signInUser(t);
    const notParent = await t.request.post(`/api/v1/guardian-invitations/${invitation.token}/confirm`).set(stranger.auth).send({ guardianRelation: "mother" }).expect(403);
    expect(notParent.body.error.code).toBe("GUARDIAN_INVITATION_PARENT_ONLY");

    for (const token of ["A".repeat(43), "short", invitation.token!.slice(0, 42) + (invitation.token!.endsWith("A") ? "B" : "A")]) {
      const wrong = await t.request.get(`/api/v1/guardian-invitations/${token}`).set(parent.auth).expect(404);
      expect(wrong.body.error).toMatchObject({ code: "GUARDIAN_INVITATION_NOT_FOUND" });
      expect(wrong.body.error.message).toMatch(/邀请/);
      await t.request.post(`/api/v1/guardian-invitations/${token}/confirm`).set(parent.auth).send({ guardianRelation: "mother" }).expect(404);
    }

    // A newer invitation makes the older card useless.
    const newer = await invite(child);
    await t.request.post(`/api/v1/guardian-invitations/${invitation.token}/confirm`).set(parent.auth).send({ guardianRelation: "mother" }).expect(409);

    t.clock.advance((guardianInvitationHours * 60 + 1) * 60_000);
    const expired = await t.request.post(`/api/v1/guardian-invitations/${newer.token}/confirm`).set(parent.auth).send({ guardianRelation: "mother" }).expect(410);
    expect(expired.body.error).toMatchObject({ code: "GUARDIAN_INVITATION_EXPIRED" });
    expect((await t.request.get(`/api/v1/me/guardian-invitations/${newer.id}`).set(child.auth).expect(200)).body.status).toBe("expired");
    const me = (await t.request.get("/api/v1/me").set(child.auth).expect(200)).body as MeView;
    expect(me.missingConsents).toEqual(["guardian"]);
  });

  it("a decline leaves the child without consent; typed consent is refused when the county turns it off and recorded as typed otherwise", async () => {
    const child = await under14();
    const invitation = await invite(child);
    await t.request.post(`/api/v1/guardian-invitations/${invitation.token}/decline`).set(parent.auth).expect(200);
    expect((await t.request.get(`/api/v1/me/guardian-invitations/${invitation.id}`).set(child.auth).expect(200)).body.status).toBe("declined");

    const typed = { kind: "guardian", version: "2026-09-01", guardianRelation: "grandparent", guardianName: "王奶奶" };
    const admin = await buildSignedInStaff(t, { roles: ["centre_admin"] });
    await t.request.patch("/api/v1/settings").set(admin.auth).send({ allowTypedGuardianConsent: false }).expect(200);
    const off = await t.request.post("/api/v1/me/consents").set(child.auth).send(typed).expect(409);
    expect(off.body.error.code).toBe("TYPED_GUARDIAN_CONSENT_OFF");
    await t.request.patch("/api/v1/settings").set(admin.auth).send({ allowTypedGuardianConsent: true }).expect(200);
    const me = (await t.request.post("/api/v1/me/consents").set(child.auth).send(typed).expect(200)).body as MeView;
    expect(me.consents.find((c) => c.kind === "guardian")).toMatchObject({ method: "typed" });
  });

  it("limits how often one child creates invitations (per child, not per address), with a kind 429 that creates nothing", async () => {
    const child = await under14();
    const other = await under14();
    for (let i = 0; i < guardianInvitationRateLimit.limit; i += 1) await invite(child);
    const refused = await t.request.post("/api/v1/me/guardian-invitations").set(child.auth).expect(429);
    expect(refused.body.error.code).toBe("RATE_LIMITED");
    expect(refused.body.error.message).toMatch(/[\u4e00-\u9fff]/);
    expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
    const rows = await t.db.select().from(guardianInvitations).where(eq(guardianInvitations.childUserId, child.me.id));
    expect(rows).toHaveLength(guardianInvitationRateLimit.limit);
    expect(rows.filter((row) => row.status === "pending")).toHaveLength(1);
    // Another child (same test address) is not affected.
    expect((await invite(other)).status).toBe("pending");
  });

  it("deleting the guardian's account detaches them from the consent, which stays", async () => {
    const child = await under14();
    const guardian = await signInUser(t);
    await t.request.patch("/api/v1/me/profile").set(guardian.auth).send({ role: "parent" }).expect(200);
    const invitation = await invite(child);
    // A new guardian account agrees to the privacy notice itself before its answer is taken.
    const unconsented = await t.request.post(`/api/v1/guardian-invitations/${invitation.token}/confirm`).set(guardian.auth).send({ guardianRelation: "father" }).expect(403);
    expect(unconsented.body.error).toMatchObject({ code: "GUARDIAN_PRIVACY_CONSENT_REQUIRED", message: "请先阅读并同意心援的隐私说明，再确认孩子的邀请。" });
    await agreePrivacy(guardian);
    await t.request.post(`/api/v1/guardian-invitations/${invitation.token}/confirm`).set(guardian.auth).send({ guardianRelation: "father" }).expect(200);
    await t.request.delete("/api/v1/me").set(guardian.auth).expect(204);
    const [row] = await t.db.select().from(consents).where(eq(consents.userId, child.me.id)).then((rows) => rows.filter((r) => r.kind === "guardian"));
    expect(row).toMatchObject({ method: "invitation", guardianUserId: null, guardianRelation: "father" });
  });
});
