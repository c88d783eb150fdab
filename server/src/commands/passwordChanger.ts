import { eq } from "drizzle-orm";
import { staff } from "../db/schema";
import type { DbOrTx } from "../db/database";
import type { StaffActor } from "../auth/actor";
import { hashPassword, verifyPassword } from "../auth/password";
import { pendingStepsOf } from "../auth/resolveActor";
import { revokeOtherSessionsOf } from "../auth/sessionStore";
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
 * not thrown, so its audit row commits.
 */
export async function passwordChanger(props: Props): Promise<PasswordChangeOutcome> {
  const { tx, now, actor } = props;
  const [row] = await tx.select().from(staff).where(eq(staff.id, actor.id)).limit(1).for("update");
  if (!row) return { ok: false, error: AuthenticationError() };
  if (!(await verifyPassword(row.passwordHash, props.currentPassword))) {
    await recordAudit(tx, props.origin, { action: "staff.password.change.failed", targetType: "staff", targetId: actor.id });
    return { ok: false, error: new AppError(400, "PASSWORD_INCORRECT") };
  }
  if (props.newPassword === props.currentPassword) return { ok: false, error: new AppError(400, "PASSWORD_REUSED") };

  const [updated] = await tx
    .update(staff)
    .set({ passwordHash: await hashPassword(props.newPassword), mustChangePassword: false, updatedAt: now })
    .where(eq(staff.id, actor.id))
    .returning();
  await revokeOtherSessionsOf(tx, { type: "staff", id: actor.id }, props.sessionId, now);
  await recordAudit(tx, props.origin, { action: "staff.password.change", targetType: "staff", targetId: actor.id });
  return { ok: true, pending: await pendingStepsOf(tx, updated!) };
}
