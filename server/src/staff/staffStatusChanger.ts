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
 * An admin disables an account (its sessions end at once) or enables it again (with a clean failure
 * count). Repeating either is harmless and writes no second audit row.
 */
export async function staffStatusChanger(props: {
  tx: DbOrTx;
  now: Date;
  actor: StaffActor;
  staffId: string;
  status: "active" | "disabled";
  origin: AuditOrigin;
}): Promise<StaffRecord> {
  const { tx, now, status } = props;
  const row = await managedStaffFinder({ tx, actor: props.actor, action: status === "disabled" ? "disable" : "enable", staffId: props.staffId });
  if (row.status !== status) {
    await tx
      .update(staff)
      .set(status === "disabled" ? { status, updatedAt: now } : { status, failedLoginCount: 0, updatedAt: now })
      .where(eq(staff.id, row.id));
    if (status === "disabled") await revokeSessionsOf(tx, { type: "staff", id: row.id }, now);
    await recordAudit(tx, props.origin, { action: status === "disabled" ? "staff.disable" : "staff.enable", targetType: "staff", targetId: row.id });
  }
  return (await findStaffRecord(tx, row.id))!;
}
