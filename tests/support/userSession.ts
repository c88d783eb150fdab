import { randomBytes } from "node:crypto";
import { currentConsentVersions, type AgeBand, type MeView, type UserSessionView } from "@xinyuan/shared";
import type { TestApp } from "./testApp";

export interface SignedInUser {
  token: string;
  openid: string;
  me: MeView;
  auth: { Authorization: string };
}

export const newOpenid = () => `o${randomBytes(14).toString("base64url")}`;

/** Logs a mini-program user in through the fake WeChat code2Session, as the real app would. */
export async function signInUser(t: TestApp, openid: string = newOpenid()): Promise<SignedInUser> {
  const code = t.wechat.issueCode(openid);
  const response = await t.request.post("/api/v1/auth/wechat/login").send({ code }).expect(200);
  const session = response.body as UserSessionView;
  return { token: session.token, openid, me: session.me, auth: { Authorization: `Bearer ${session.token}` } };
}

/**
 * A signed-in user who may use counselling: age band set, privacy and sensitive consent given, and a
 * guardian's consent when the band is under 14 (unless withGuardian is false). Optionally in a school.
 */
export async function signInConsentedUser(
  t: TestApp,
  props: { ageBand?: AgeBand; role?: "student" | "parent"; schoolId?: string; withGuardian?: boolean } = {},
): Promise<SignedInUser> {
  const user = await signInUser(t);
  const ageBand = props.ageBand ?? "14_17";
  await t.request
    .patch("/api/v1/me/profile")
    .set(user.auth)
    .send({ role: props.role ?? "student", ageBand, ...(props.schoolId ? { schoolId: props.schoolId } : {}) })
    .expect(200);
  await t.request.post("/api/v1/me/consents").set(user.auth).send({ kind: "privacy", version: currentConsentVersions.privacy }).expect(200);
  let last = await t.request.post("/api/v1/me/consents").set(user.auth).send({ kind: "sensitive", version: currentConsentVersions.sensitive }).expect(200);
  if ((ageBand === "under_10" || ageBand === "10_13") && props.withGuardian !== false) {
    last = await t.request
      .post("/api/v1/me/consents")
      .set(user.auth)
      .send({ kind: "guardian", version: currentConsentVersions.guardian, guardianRelation: "mother", guardianName: "王芳" })
      .expect(200);
  }
  return { ...user, me: last.body as MeView };
}
