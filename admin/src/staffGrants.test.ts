import type { ScopeLevel, StaffRole } from "@xinyuan/shared";
import { grantableRoles, grantableScopeLevels, type GrantingStaff } from "./staffGrants";

function manager(roles: StaffRole[], level: ScopeLevel, ids: { areaId?: string | null; schoolId?: string | null } = {}, status: "active" | "disabled" = "active"): GrantingStaff {
  const areaId = ids.areaId === undefined ? (level === "county" ? null : "area-1") : ids.areaId;
  const schoolId = ids.schoolId === undefined ? (level === "school" ? "school-1" : null) : ids.schoolId;
  return { roles, status, scope: { level, areaId, schoolId } };
}

const everyRole: StaffRole[] = ["centre_admin", "supervisor", "counsellor", "editor", "reviewer", "expert"];
const belowCounty: StaffRole[] = ["centre_admin", "counsellor"];

describe("grantableRoles", () => {
  it.each<[string, GrantingStaff | null, StaffRole[]]>([
    ["a county centre admin grants every role", manager(["centre_admin"], "county"), everyRole],
    ["an area centre admin grants only counsellor and centre admin", manager(["centre_admin"], "area"), belowCounty],
    ["a school centre admin grants only counsellor and centre admin", manager(["centre_admin"], "school"), belowCounty],
    ["a school centre admin who is also a supervisor still grants no county role", manager(["centre_admin", "supervisor"], "school"), belowCounty],
    ["a county supervisor grants nothing", manager(["supervisor"], "county"), []],
    ["a county editor, reviewer and expert grants nothing", manager(["editor", "reviewer", "expert"], "county"), []],
    ["a school counsellor grants nothing", manager(["counsellor"], "school"), []],
    ["a disabled county centre admin grants nothing", manager(["centre_admin"], "county", {}, "disabled"), []],
    ["nobody signed in grants nothing", null, []],
  ])("%s", (_name, subject, expected) => {
    expect(grantableRoles(subject)).toEqual(expected);
  });

  it.each<StaffRole>(["supervisor", "editor", "reviewer", "expert"])("keeps %s for county admins", (role) => {
    expect(grantableRoles(manager(["centre_admin"], "county"))).toContain(role);
    expect(grantableRoles(manager(["centre_admin"], "area"))).not.toContain(role);
    expect(grantableRoles(manager(["centre_admin"], "school"))).not.toContain(role);
  });
});

describe("grantableScopeLevels", () => {
  it.each<[string, GrantingStaff | null, ScopeLevel[]]>([
    ["a county admin gives any level", manager(["centre_admin"], "county"), ["county", "area", "school"]],
    ["an area admin gives their area or a school in it", manager(["centre_admin"], "area"), ["area", "school"]],
    ["a school admin gives only their school", manager(["centre_admin"], "school"), ["school"]],
    ["an area admin whose scope lacks its area gives nothing", manager(["centre_admin"], "area", { areaId: null }), []],
    ["a school admin whose scope lacks its school gives nothing", manager(["centre_admin"], "school", { schoolId: null }), []],
    ["a supervisor manages no accounts", manager(["supervisor"], "county"), []],
    ["a disabled admin manages no accounts", manager(["centre_admin"], "county", {}, "disabled"), []],
    ["nobody signed in manages no accounts", null, []],
  ])("%s", (_name, subject, expected) => {
    expect(grantableScopeLevels(subject)).toEqual(expected);
  });
});
