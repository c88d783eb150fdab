import { eq } from "drizzle-orm";
import { staff } from "../db/schema/index";
import type { DbOrTx } from "../db/database";
import type { StaffActor } from "../auth/actor";
import { canManageStaff, isOwnAccessChange, type StaffAction } from "./staffPolicy";
import { authorize } from "../access/authorize";
import { ForbiddenError, NotFoundError } from "../http/errors";

/**
 * Loads (and locks) the staff account an admin acts on. Non-admins get 403; an account outside the
 * admin's scope is answered like a missing one (404), so scopes do not reveal each other's staff.
 */
export async function managedStaffFinder(props: { tx: DbOrTx; actor: StaffActor; action: StaffAction; staffId: string }) {
  const { tx, actor, action } = props;
  authorize(canManageStaff(actor, action));
  const [row] = await tx.select().from(staff).where(eq(staff.id, props.staffId)).limit(1).for("update");
  authorize(row !== undefined && canManageStaff(actor, action, row), () => NotFoundError("STAFF_NOT_FOUND"));
  authorize(action === "update" || !isOwnAccessChange(actor, action, row!.id), () => ForbiddenError("OWN_ACCOUNT_PROTECTED"));
  return row!;
}
