import { eq } from "drizzle-orm";
import type { StaffScope } from "@xinyuan/shared";
import { staff } from "../db/schema/index";
import type { DbOrTx } from "../db/database";
import type { StaffActor } from "../auth/actor";
import { recordAudit, type AuditOrigin } from "../audit/recordAudit";
import { canGrantRoles, canGrantScope, isOwnAccessChange } from "./staffPolicy";
import { authorize } from "../access/authorize";
import { ForbiddenError } from "../http/errors";
import { findStaffRecord } from "./staffViews";
import type { StaffRecord } from "./presentStaff";
import { staffScopeResolver } from "./staffScopeResolver";
import { managedStaffFinder } from "./managedStaffFinder";

interface Props {
  tx: DbOrTx;
  now: Date;
  actor: StaffActor;
  staffId: string;
  changes: { displayName?: string; roles?: StaffActor["roles"]; scope?: { level: StaffScope["level"]; areaId: string | null; schoolId: string | null } };
  origin: AuditOrigin;
}

/**
 * An admin renames an account or changes its roles or scope, within their own scope on both sides: the
 * account must be theirs to manage and the new scope theirs to grant. Permissions are read per request,
 * so a change applies to open sessions at once. The audit row keeps before and after.
 */
export async function staffUpdater(props: Props): Promise<StaffRecord> {
  const { tx, actor, changes } = props;
  const row = await managedStaffFinder({ tx, actor, action: "update", staffId: props.staffId });
  const roles = changes.roles ? [...new Set(changes.roles)] : undefined;
  const scope = changes.scope ? await staffScopeResolver({ tx, scope: changes.scope }) : undefined;
  const rolesChanged = roles !== undefined && (roles.length !== row.roles.length || roles.some((role) => !row.roles.includes(role)));
  const scopeChanged = scope !== undefined && (scope.level !== row.scopeLevel || scope.areaId !== row.areaId || scope.schoolId !== row.schoolId);
  authorize(!isOwnAccessChange(actor, "update", row.id, rolesChanged || scopeChanged), () => ForbiddenError("OWN_ACCOUNT_PROTECTED"));
  if (scope && scopeChanged) authorize(canGrantScope(actor, scope), () => ForbiddenError("SCOPE_NOT_ALLOWED"));
  // Only roles being added need the right to grant them: an area admin may still take supervision away.
  if (roles && rolesChanged) authorize(canGrantRoles(actor, roles.filter((role) => !row.roles.includes(role))), () => ForbiddenError("ROLE_NOT_ALLOWED"));

  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  if (changes.displayName !== undefined && changes.displayName !== row.displayName) {
    before.displayName = row.displayName;
    after.displayName = changes.displayName;
  }
  if (rolesChanged) {
    before.roles = row.roles;
    after.roles = roles;
  }
  if (scope && scopeChanged) {
    before.scope = { level: row.scopeLevel, areaId: row.areaId, schoolId: row.schoolId };
    after.scope = scope;
  }
  if (Object.keys(after).length > 0) {
    await tx
      .update(staff)
      .set({
        ...(after.displayName === undefined ? {} : { displayName: changes.displayName }),
        ...(rolesChanged ? { roles } : {}),
        ...(scope && scopeChanged ? { scopeLevel: scope.level, areaId: scope.areaId, schoolId: scope.schoolId } : {}),
        updatedAt: props.now,
      })
      .where(eq(staff.id, row.id));
    await recordAudit(tx, props.origin, { action: "staff.update", targetType: "staff", targetId: row.id, detail: { before, after } });
  }
  return (await findStaffRecord(tx, row.id))!;
}
