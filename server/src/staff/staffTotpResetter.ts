import { eq } from "drizzle-orm";
import { staff } from "../db/schema/index";
import type { DbOrTx } from "../db/database";
import type { StaffActor } from "../auth/actor";
import { revokeSessionsOf } from "../auth/sessionStore";
import { recordAudit, type AuditOrigin } from "../audit/recordAudit";
import { findStaffRecord } from "./staffViews";
import type { StaffRecord } from "./presentStaff";
import { managedStaffFinder } from "./managedStaffFinder";

/**
 * An admin removes an account's second factor (lost phone): the secret is erased, every session ends,
 * and the holder enrols again (at once, if the platform requires TOTP for all staff).
 */
export async function staffTotpResetter(props: { tx: DbOrTx; now: Date; actor: StaffActor; staffId: string; origin: AuditOrigin }): Promise<StaffRecord> {
  const { tx, now } = props;
  const row = await managedStaffFinder({ tx, actor: props.actor, action: "resetTotp", staffId: props.staffId });
  await tx.update(staff).set({ totpSecretEnc: null, totpPendingSecretEnc: null, totpLastStep: null, updatedAt: now }).where(eq(staff.id, row.id));
  await revokeSessionsOf(tx, { type: "staff", id: row.id }, now);
  await recordAudit(tx, props.origin, { action: "staff.totp.reset", targetType: "staff", targetId: row.id });
  return (await findStaffRecord(tx, row.id))!;
}
