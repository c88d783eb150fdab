import { randomInt } from "node:crypto";
import { startSession } from "../../server/src/auth/sessionStore";
import { totpCode } from "../../server/src/auth/totp";
import type { TestApp } from "./testApp";
import { buildStaff, type BuiltStaff } from "./factories";

export interface StaffSession {
  token: string;
  auth: { Authorization: string };
}

/**
 * A session for a staff member without going through the login route: fast, and untouched by the login
 * rate limit, for tests about something else. Expiry follows the app's configuration.
 */
export async function staffSessionFor(t: TestApp, member: { id: string }): Promise<StaffSession> {
  const now = t.clock.now();
  const expiresAt = new Date(now.getTime() + t.services.config.sessions.staffMaxHours * 3_600_000);
  const { token } = await startSession(t.db, { type: "staff", id: member.id }, now, expiresAt);
  return { token, auth: { Authorization: `Bearer ${token}` } };
}

/** A staff member and a session of theirs, in one call. */
export async function buildSignedInStaff(t: TestApp, props: Parameters<typeof buildStaff>[1] = {}): Promise<BuiltStaff & StaffSession> {
  const member = await buildStaff(t.db, props);
  return { ...member, ...(await staffSessionFor(t, member)) };
}

/** A random client address, so each test's logins have their own rate-limit bucket (needs TRUST_PROXY=true). */
export function randomClientIp(): string {
  return `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
}

/** Signs in through POST /auth/staff/login as the admin would, with the current TOTP code when enrolled. */
export function loginStaff(t: TestApp, member: Pick<BuiltStaff, "username" | "password" | "totpSecret">, ip: string = randomClientIp()) {
  const totp = member.totpSecret ? { totpCode: totpCode(member.totpSecret, t.clock.now()) } : {};
  return t.request.post("/api/v1/auth/staff/login").set("X-Forwarded-For", ip).send({ username: member.username, password: member.password, ...totp });
}
