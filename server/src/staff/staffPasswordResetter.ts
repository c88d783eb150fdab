import { eq } from "drizzle-orm";
import { staff } from "../db/schema/index";
import type { DbOrTx } from "../db/database";
import type { StaffActor } from "../auth/actor";
import { hashPassword } from "../auth/password";
import { newTemporaryPassword } from "../auth/temporaryPassword";
import { revokeSessionsOf } from "../auth/sessionStore";
import { recordAudit, type AuditOrigin } from "../audit/recordAudit";
import { findStaffRecord } from "./staffViews";
import type { StaffRecord } from "./presentStaff";
import { managedStaffFinder } from "./managedStaffFinder";
import type { IdentityHasher } from "../crypto/identityHasher";
import { forgetSignInFailuresOf } from "../auth/signInThrottle";

/**
 * An admin gives an account a new temporary password (forgotten password, suspected leak): every
 * session ends, the password-change failure count is cleared, any address slowed for this username after
 * wrong guesses may sign in again at once, and the holder must choose a new password at next sign-in.
 */
export async function staffPasswordResetter(props: { tx: DbOrTx; now: Date; hashIdentity: IdentityHasher; actor: StaffActor; staffId: string; origin: AuditOrigin }): Promise<{ record: StaffRecord; temporaryPassword: string }> {
  const { tx, now } = props;
  const row = await managedStaffFinder({ tx, actor: props.actor, action: "resetPassword", staffId: props.staffId });
  const temporaryPassword = newTemporaryPassword();
  await tx
    .update(staff)
    .set({ passwordHash: await hashPassword(temporaryPassword), mustChangePassword: true, failedLoginCount: 0, updatedAt: now })
    .where(eq(staff.id, row.id));
  await revokeSessionsOf(tx, { type: "staff", id: row.id }, now);
  await forgetSignInFailuresOf(tx, props.hashIdentity, row.username);
  await recordAudit(tx, props.origin, { action: "staff.password.reset", targetType: "staff", targetId: row.id });
  return { record: (await findStaffRecord(tx, row.id))!, temporaryPassword };
}
