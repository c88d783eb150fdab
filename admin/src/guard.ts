import type { StaffSessionView } from "@xinyuan/shared";
import { access, type AccessKey } from "./access";

/**
 * Where a visit goes, from the session alone. Pure, so the order of the forced steps is tested:
 * no session -> login; a new password first, then the authenticator; then the route's access right.
 */
export type GuardDecision = { kind: "allow" } | { kind: "redirect"; to: string } | { kind: "forbidden" };

export const guardPaths = { login: "/login", passwordSetup: "/setup/password", totpSetup: "/setup/totp", home: "/" } as const;

type GuardSession = Pick<StaffSessionView, "pending" | "staff"> | null;

/** The forced step the staff member must finish next, if any. */
export function pendingStepPath(session: GuardSession): string | null {
  if (!session) return null;
  if (session.pending.includes("change_password")) return guardPaths.passwordSetup;
  if (session.pending.includes("enrol_totp")) return guardPaths.totpSetup;
  return null;
}

export function decideLogin(session: GuardSession): GuardDecision {
  if (!session) return { kind: "allow" };
  return { kind: "redirect", to: pendingStepPath(session) ?? guardPaths.home };
}

export function decideSetupStep(session: GuardSession, path: string): GuardDecision {
  if (!session) return { kind: "redirect", to: guardPaths.login };
  const next = pendingStepPath(session);
  if (next === path) return { kind: "allow" };
  return { kind: "redirect", to: next ?? guardPaths.home };
}

export function decideAdminPage(session: GuardSession, accessKey: AccessKey): GuardDecision {
  if (!session) return { kind: "redirect", to: guardPaths.login };
  const next = pendingStepPath(session);
  if (next) return { kind: "redirect", to: next };
  return access(session.staff)[accessKey] ? { kind: "allow" } : { kind: "forbidden" };
}
