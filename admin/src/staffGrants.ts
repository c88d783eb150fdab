import { staffRoles, type ScopeLevel, type StaffRole, type StaffView } from "@xinyuan/shared";

/**
 * What a staff manager may hand out, so the staff form offers nothing the server would refuse. These
 * mirror server/src/staff/staffPolicy.ts (canGrantRoles, canGrantScope) and scopeWithin in
 * server/src/access/scope.ts; the server still decides. Deny by default: a disabled account or one
 * that is not a centre admin grants nothing, and so does an area or school admin whose scope lacks its id.
 */
export type GrantingStaff = Pick<StaffView, "roles" | "status"> & { scope: Pick<StaffView["scope"], "level" | "areaId" | "schoolId"> };

/** Roles an area or school admin may hand out inside their scope; the rest are county functions. */
const rolesBelowCounty: readonly StaffRole[] = ["counsellor", "centre_admin"];

function isActiveAdmin(manager: GrantingStaff | null | undefined): manager is GrantingStaff {
  return manager?.status === "active" && manager.roles.includes("centre_admin");
}

/**
 * Roles the manager may give, in the usual order. Supervision, editing, review and expert booking are
 * granted only by a county centre admin: an area admin who could make a supervisor could read every chat.
 */
export function grantableRoles(manager: GrantingStaff | null | undefined): StaffRole[] {
  if (!isActiveAdmin(manager)) return [];
  if (manager.scope.level === "county") return [...staffRoles];
  return staffRoles.filter((role) => rolesBelowCounty.includes(role));
}

/**
 * Scope levels the manager may give, never wider than their own: a county admin any level, an area
 * admin their area or a school in it, a school admin only their school. The area or school itself is
 * the manager's own (the form locks it).
 */
export function grantableScopeLevels(manager: GrantingStaff | null | undefined): ScopeLevel[] {
  if (!isActiveAdmin(manager)) return [];
  const { level, areaId, schoolId } = manager.scope;
  if (level === "county") return ["county", "area", "school"];
  if (level === "area") return areaId ? ["area", "school"] : [];
  if (level === "school") return schoolId ? ["school"] : [];
  return [];
}
