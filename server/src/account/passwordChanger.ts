import { eq } from "drizzle-orm";
import { staff } from "../db/schema/index";
import type { DbOrTx } from "../db/database";
import type { StaffActor } from "../auth/actor";
import { hashPassword, verifyPassword } from "../auth/password";
import { weakPasswordReason } from "../auth/passwordStrength";
import { pendingStepsOf } from "../auth/resolveActor";
import { revokeOtherSessionsOf, revokeSessionsOf } from "../auth/sessionStore";
import { recordAudit, type AuditOrigin } from "../audit/recordAudit";
import { AppError, AuthenticationError } from "../http/errors";

/** Wrong current passwords in a row before every session of the account ends. */
export const maxWrongCurrentPasswords = 5;

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
 * not thrown, so its audit row commits. The fifth wrong current password in a row ends every session of
 * the account, this one included (someone at an unattended, signed-in screen must not get unlimited
 * guesses at the password); further guesses go through sign-in, slowed per (username, address) pair. The
 * account itself is never locked (issue 14): its owner signs in again from their own device.
 */
export async function passwordChanger(props: Props): Promise<PasswordChangeOutcome> {
  const { tx, now, actor } = props;
  const [row] = await tx.select().from(staff).where(eq(staff.id, actor.id)).limit(1).for("update");
  if (!row) return { ok: false, error: AuthenticationError() };
  if (!(await verifyPassword(row.passwordHash, props.currentPassword))) {
    const failures = row.failedLoginCount + 1;
    await recordAudit(tx, props.origin, { action: "staff.password.change.failed", targetType: "staff", targetId: actor.id, detail: { failures } });
    if (failures < maxWrongCurrentPasswords) {
      await tx.update(staff).set({ failedLoginCount: failures }).where(eq(staff.id, actor.id));
      return { ok: false, error: new AppError(400, "PASSWORD_INCORRECT") };
    }
    await tx.update(staff).set({ failedLoginCount: 0 }).where(eq(staff.id, actor.id));
    await revokeSessionsOf(tx, { type: "staff", id: actor.id }, now);
    await recordAudit(tx, props.origin, { action: "staff.sessions.ended", targetType: "staff", targetId: actor.id, detail: { via: "password_change", failures } });
    return { ok: false, error: AuthenticationError("SIGNED_OUT_AFTER_FAILURES") };
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
