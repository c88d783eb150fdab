import { eq } from "drizzle-orm";
import { staff } from "../db/schema/index";
import type { DbOrTx } from "../db/database";
import type { StaffActor } from "../auth/actor";
import { hashPassword, verifyPassword } from "../auth/password";
import { weakPasswordReason } from "../auth/passwordStrength";
import { pendingStepsOf } from "../auth/resolveActor";
import { revokeOtherSessionsOf, revokeSessionsOf } from "../auth/sessionStore";
import { lockMinutes, maxFailedLogins } from "./staffAuthenticator";
import { recordAudit, type AuditOrigin } from "../audit/recordAudit";
import { AppError, AuthenticationError } from "../http/errors";

export type PasswordChangeOutcome = { ok: true; pending: StaffActor["pending"] } | { ok: false; error: AppError };

interface Props {
  tx: DbOrTx;
  now: Date;
  actor: StaffActor;
  /** The session making the change stays signed in; every other one is revoked. */
  sessionId: string;
  currentPassword: string;
  newPassword: string;
  origin: AuditOrigin;
}

/**
 * A staff member changes their own password (the first one included): the current password is checked,
 * the must-change flag cleared and every other session revoked. A wrong current password is returned,
 * not thrown, so its audit row commits. Wrong guesses count like failed sign-ins: the fifth in a row
 * locks the account and ends every session, this one included (someone at an unattended, signed-in
 * screen must not get unlimited guesses at the password).
 */
export async function passwordChanger(props: Props): Promise<PasswordChangeOutcome> {
  const { tx, now, actor } = props;
  const [row] = await tx.select().from(staff).where(eq(staff.id, actor.id)).limit(1).for("update");
  if (!row) return { ok: false, error: AuthenticationError() };
  if (!(await verifyPassword(row.passwordHash, props.currentPassword))) {
    const failures = row.failedLoginCount + 1;
    await recordAudit(tx, props.origin, { action: "staff.password.change.failed", targetType: "staff", targetId: actor.id, detail: { failures } });
    if (failures < maxFailedLogins) {
      await tx.update(staff).set({ failedLoginCount: failures }).where(eq(staff.id, actor.id));
      return { ok: false, error: new AppError(400, "PASSWORD_INCORRECT") };
    }
    const lockedUntil = new Date(now.getTime() + lockMinutes * 60_000);
    await tx.update(staff).set({ failedLoginCount: 0, lockedUntil }).where(eq(staff.id, actor.id));
    await revokeSessionsOf(tx, { type: "staff", id: actor.id }, now);
    await recordAudit(tx, props.origin, { action: "staff.lock", targetType: "staff", targetId: actor.id, detail: { until: lockedUntil.toISOString(), via: "password_change" } });
    const seconds = lockMinutes * 60;
    return { ok: false, error: new AppError(423, "ACCOUNT_LOCKED", undefined, { retryAfterSeconds: seconds }, { "Retry-After": String(seconds) }) };
  }
  if (props.newPassword === props.currentPassword) return { ok: false, error: new AppError(400, "PASSWORD_REUSED") };
  const weakness = weakPasswordReason(props.newPassword, [row.username, row.displayName]);
  if (weakness) return { ok: false, error: new AppError(400, "PASSWORD_TOO_WEAK", weakness) };

  const [updated] = await tx
    .update(staff)
    .set({ passwordHash: await hashPassword(props.newPassword), mustChangePassword: false, failedLoginCount: 0, updatedAt: now })
    .where(eq(staff.id, actor.id))
    .returning();
  await revokeOtherSessionsOf(tx, { type: "staff", id: actor.id }, props.sessionId, now);
  await recordAudit(tx, props.origin, { action: "staff.password.change", targetType: "staff", targetId: actor.id });
  return { ok: true, pending: await pendingStepsOf(tx, updated!) };
}
