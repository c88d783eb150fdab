import { and, eq } from "drizzle-orm";
import { currentConsentVersions, type ConsentKind } from "@xinyuan/shared";
import { consents } from "../db/schema/index";
import { loadUserActor } from "../auth/resolveActor";
import type { UserActor } from "../auth/actor";
import { AppError } from "../http/errors";
import { counsellingConsentStatus, requireCounsellingConsent } from "./counsellingConsent";
import { createTestApp, type TestApp } from "../../../tests/support/testApp";
import { signInConsentedUser, signInUser } from "../../../tests/support/userSession";

const given = (kind: ConsentKind, version = currentConsentVersions[kind]) => ({ kind, version, withdrawnAt: null });

describe("counsellingConsentStatus", () => {
  it("needs privacy and sensitive consent at their current versions and an age band", () => {
    expect(counsellingConsentStatus("14_17", [given("privacy"), given("sensitive")])).toMatchObject({ canUseCounselling: true, missingConsents: [] });
    expect(counsellingConsentStatus(null, [given("privacy"), given("sensitive")])).toMatchObject({ canUseCounselling: false, missingConsents: [] });
    expect(counsellingConsentStatus("18_plus", [given("privacy", "2020-01-01"), given("sensitive")]).missingConsents).toEqual(["privacy"]);
  });

  it("needs a guardian's consent below 14 only", () => {
    expect(counsellingConsentStatus("10_13", [given("privacy"), given("sensitive")]).missingConsents).toEqual(["guardian"]);
    expect(counsellingConsentStatus("under_10", [given("privacy"), given("sensitive"), given("guardian")]).canUseCounselling).toBe(true);
    expect(counsellingConsentStatus("14_17", [given("privacy"), given("sensitive")]).missingConsents).toEqual([]);
  });
});

describe("requireCounsellingConsent", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const actorOf = async (userId: string): Promise<UserActor> => (await loadUserActor(t.db, userId))!;
  const refusal = async (userId: string, actor?: UserActor) => {
    try {
      await requireCounsellingConsent(t.db, actor ?? (await actorOf(userId)));
      return undefined;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      return { status: error.status, code: error.code };
    }
  };

  it("refuses a user without consent", async () => {
    const user = await signInUser(t);
    expect(await refusal(user.me.id)).toEqual({ status: 403, code: "CONSENT_REQUIRED" });
  });

  it("refuses a consenting user without an age band", async () => {
    const noBand = await signInUser(t);
    await t.request.post("/api/v1/me/consents").set(noBand.auth).send({ kind: "privacy", version: currentConsentVersions.privacy }).expect(200);
    await t.request.post("/api/v1/me/consents").set(noBand.auth).send({ kind: "sensitive", version: currentConsentVersions.sensitive }).expect(200);
    expect(await refusal(noBand.me.id)).toEqual({ status: 403, code: "AGE_BAND_REQUIRED" });
  });

  it("refuses an under-14 until a guardian consents, then lets them through", async () => {
    const child = await signInConsentedUser(t, { ageBand: "10_13", withGuardian: false });
    expect(child.me.missingConsents).toEqual(["guardian"]);
    expect(await refusal(child.me.id)).toEqual({ status: 403, code: "GUARDIAN_CONSENT_REQUIRED" });
    await t.request.post("/api/v1/me/consents").set(child.auth).send({ kind: "guardian", version: currentConsentVersions.guardian, guardianRelation: "grandparent", guardianName: "刘桂兰" }).expect(200);
    expect(await refusal(child.me.id)).toBeUndefined();
  });

  it("lets a consenting 14-17 year old through without a guardian", async () => {
    const teen = await signInConsentedUser(t, { ageBand: "14_17" });
    expect(teen.me.canUseCounselling).toBe(true);
    expect(await refusal(teen.me.id)).toBeUndefined();
  });

  it("reads the age band from the database, not from a stale actor", async () => {
    const teen = await signInConsentedUser(t, { ageBand: "14_17" });
    const staleActor = await actorOf(teen.me.id);
    await t.request.patch("/api/v1/me/profile").set(teen.auth).send({ ageBand: "10_13" }).expect(200);
    expect(await refusal(teen.me.id, staleActor)).toEqual({ status: 403, code: "GUARDIAN_CONSENT_REQUIRED" });
  });

  it("stops counting a withdrawn guardian consent", async () => {
    const child = await signInConsentedUser(t, { ageBand: "under_10" });
    expect(await refusal(child.me.id)).toBeUndefined();
    await t.db.update(consents).set({ withdrawnAt: new Date() }).where(and(eq(consents.userId, child.me.id), eq(consents.kind, "guardian")));
    expect(await refusal(child.me.id)).toEqual({ status: 403, code: "GUARDIAN_CONSENT_REQUIRED" });
  });
});
