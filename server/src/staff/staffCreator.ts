import { eq, sql } from "drizzle-orm";
import type { CreateStaffBody } from "@xinyuan/shared";
import { staff } from "../db/schema/index";
import type { DbOrTx } from "../db/database";
import type { StaffActor } from "../auth/actor";
import { hashPassword } from "../auth/password";
import { newTemporaryPassword } from "../auth/temporaryPassword";
import { recordAudit, type AuditOrigin } from "../audit/recordAudit";
import { canGrantRoles, canGrantScope, canManageStaff } from "./staffPolicy";
import { authorize } from "../access/authorize";
import { ConflictError, ForbiddenError } from "../http/errors";
import { findStaffRecord } from "./staffViews";
import type { StaffRecord } from "./presentStaff";
import { staffScopeResolver } from "./staffScopeResolver";

interface Props {
  tx: DbOrTx;
  now: Date;
  actor: StaffActor;
  input: CreateStaffBody;
  origin: AuditOrigin;
}

/**
 * An admin creates a staff account inside their own scope. It gets a one-time temporary password and
 * must change it at first sign-in. Usernames are unique regardless of case.
 */
export async function staffCreator(props: Props): Promise<{ record: StaffRecord; temporaryPassword: string }> {
  const { tx, actor, input } = props;
  authorize(canManageStaff(actor, "create"));
  const scope = await staffScopeResolver({ tx, scope: input.scope });
  authorize(canGrantScope(actor, scope), () => ForbiddenError("SCOPE_NOT_ALLOWED"));
  const username = input.username.toLowerCase();
  const [taken] = await tx.select({ id: staff.id }).from(staff).where(eq(sql`lower(${staff.username})`, username)).limit(1);
  if (taken) throw ConflictError("USERNAME_TAKEN");

  const temporaryPassword = newTemporaryPassword();
  const roles = [...new Set(input.roles)];
  authorize(canGrantRoles(actor, roles), () => ForbiddenError("ROLE_NOT_ALLOWED"));
  const [row] = await tx
    .insert(staff)
    .values({
      username,
      displayName: input.displayName,
      passwordHash: await hashPassword(temporaryPassword),
      roles,
      scopeLevel: scope.level,
      areaId: scope.areaId,
      schoolId: scope.schoolId,
      mustChangePassword: true,
      createdAt: props.now,
      updatedAt: props.now,
    })
    .returning({ id: staff.id });
  await recordAudit(tx, props.origin, { action: "staff.create", targetType: "staff", targetId: row!.id, detail: { username, roles, scope } });
  return { record: (await findStaffRecord(tx, row!.id))!, temporaryPassword };
}
