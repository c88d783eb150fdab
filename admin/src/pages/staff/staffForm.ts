import { staffRoles, type CreateStaffBody, type ScopeLevel, type StaffRole, type StaffView } from "@xinyuan/shared";

/** The staff form's fields; the scope is flattened so each part can be its own form item. */
export interface StaffFormValues {
  username: string;
  displayName: string;
  roles: StaffRole[];
  level: ScopeLevel;
  areaId?: string;
  schoolId?: string;
}

/** The scope as the API wants it: county has neither, area has its area, school has its school (and area). */
export function scopeFromForm(values: Pick<StaffFormValues, "level" | "areaId" | "schoolId">): CreateStaffBody["scope"] {
  if (values.level === "county") return { level: "county", areaId: null, schoolId: null };
  if (values.level === "area") return { level: "area", areaId: values.areaId ?? null, schoolId: null };
  return { level: "school", areaId: values.areaId ?? null, schoolId: values.schoolId ?? null };
}

/** Starting values: an existing account's, or a new one placed at the manager's own scope. */
export function initialStaffForm(editing: StaffView | null, managerScope: StaffView["scope"], levels: ScopeLevel[]): Partial<StaffFormValues> {
  if (editing) {
    return {
      username: editing.username,
      displayName: editing.displayName,
      roles: editing.roles,
      level: editing.scope.level,
      areaId: editing.scope.areaId ?? undefined,
      schoolId: editing.scope.schoolId ?? undefined,
    };
  }
  return {
    roles: ["counsellor"],
    level: levels.includes("school") ? "school" : levels[0],
    areaId: managerScope.areaId ?? undefined,
    schoolId: managerScope.level === "school" ? (managerScope.schoolId ?? undefined) : undefined,
  };
}

/** One role checkbox; a countyGranted one only the county centre can give back once it is taken away. */
export interface RoleChoice {
  role: StaffRole;
  countyGranted: boolean;
}

/**
 * The roles the form offers: those the manager may grant, plus any the account already holds that the
 * manager may not (a county role on a school counsellor). Those stay ticked, so a save does not strip
 * them by accident; the manager may still untick one (the server lets an area admin take supervision
 * away, and checks only roles being added), but giving it back is the county centre's.
 */
export function roleChoices(grantable: readonly StaffRole[], held: readonly StaffRole[]): RoleChoice[] {
  return staffRoles.filter((role) => grantable.includes(role) || held.includes(role)).map((role) => ({ role, countyGranted: !grantable.includes(role) }));
}
