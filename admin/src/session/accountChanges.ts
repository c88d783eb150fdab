import type { StaffSessionView } from "@xinyuan/shared";
import { applyAccount, completePendingStep, startSession, type AccountAnswer } from "./sessionStore";

/** True when an answer is a whole staff session (a server may rotate the session after a change). */
export function isStaffSession(value: unknown): value is StaffSessionView {
  if (typeof value !== "object" || value === null) return false;
  const candidate = value as Partial<StaffSessionView>;
  return typeof candidate.token === "string" && Array.isArray(candidate.pending) && typeof candidate.staff === "object" && candidate.staff !== null;
}

/** True when an answer is the signed-in account with its open steps (what the account routes return). */
export function isAccountAnswer(value: unknown): value is AccountAnswer & { pending: AccountAnswer["pending"] } {
  if (typeof value !== "object" || value === null) return false;
  const candidate = value as Partial<AccountAnswer>;
  return typeof candidate.id === "string" && Array.isArray(candidate.roles) && Array.isArray(candidate.pending);
}

function applyAnswer(answer: unknown, fallback: () => void): void {
  if (isStaffSession(answer)) startSession(answer);
  else if (isAccountAnswer(answer)) applyAccount(answer);
  else fallback();
}

/** After a password change: follow the server's account answer (its open steps), else clear the step. */
export function applyPasswordChanged(answer: unknown): void {
  applyAnswer(answer, () => completePendingStep("change_password", { mustChangePassword: false }));
}

/** After the authenticator is confirmed: same rule as for the password. */
export function applyTotpEnrolled(answer: unknown): void {
  applyAnswer(answer, () => completePendingStep("enrol_totp", { totpEnabled: true }));
}
