import type { StaffView } from "@xinyuan/shared";
import { initialStaffForm, roleChoices, scopeFromForm } from "./staffForm";
import { temporaryPasswordOf } from "./temporaryPassword";

const areaScope: StaffView["scope"] = { level: "area", areaId: "area-1", schoolId: null, areaName: "东片区", schoolName: null };
const schoolScope: StaffView["scope"] = { level: "school", areaId: "area-1", schoolId: "school-1", areaName: "东片区", schoolName: "一中" };

describe("staff form", () => {
  it("sends each scope level with exactly the ids it needs", () => {
    expect(scopeFromForm({ level: "county", areaId: "area-1", schoolId: "school-1" })).toEqual({ level: "county", areaId: null, schoolId: null });
    expect(scopeFromForm({ level: "area", areaId: "area-1", schoolId: "school-1" })).toEqual({ level: "area", areaId: "area-1", schoolId: null });
    expect(scopeFromForm({ level: "school", areaId: "area-1", schoolId: "school-1" })).toEqual({ level: "school", areaId: "area-1", schoolId: "school-1" });
  });

  it("starts a new account as a school counsellor inside the manager's own area", () => {
    expect(initialStaffForm(null, areaScope, ["area", "school"])).toEqual({ roles: ["counsellor"], level: "school", areaId: "area-1", schoolId: undefined });
  });

  it("starts a school admin's new account in their own school", () => {
    expect(initialStaffForm(null, schoolScope, ["school"])).toEqual({ roles: ["counsellor"], level: "school", areaId: "area-1", schoolId: "school-1" });
  });
});

describe("roleChoices", () => {
  it("offers a school or area admin only counsellor and centre admin on a new account", () => {
    expect(roleChoices(["centre_admin", "counsellor"], [])).toEqual([
      { role: "centre_admin", countyGranted: false },
      { role: "counsellor", countyGranted: false },
    ]);
  });

  it("keeps a county role the account already holds, ticked (marked as the county's to give) instead of dropping it", () => {
    expect(roleChoices(["centre_admin", "counsellor"], ["counsellor", "supervisor"])).toEqual([
      { role: "centre_admin", countyGranted: false },
      { role: "supervisor", countyGranted: true },
      { role: "counsellor", countyGranted: false },
    ]);
  });

  it("offers a county admin every role, none marked as the county's", () => {
    const every = ["centre_admin", "supervisor", "counsellor", "editor", "reviewer", "expert"] as const;
    expect(roleChoices(every, ["expert"])).toEqual(every.map((role) => ({ role, countyGranted: false })));
  });
});

describe("temporaryPasswordOf", () => {
  it("finds the one-time password at the top level of the answer", () => {
    expect(temporaryPasswordOf({ temporaryPassword: "Xy7-kq2m9p" })).toBe("Xy7-kq2m9p");
    expect(temporaryPasswordOf({ staff: { id: "s" }, temporaryPassword: "Xy7-kq2m9p" })).toBe("Xy7-kq2m9p");
  });

  it("answers null when there is none", () => {
    expect(temporaryPasswordOf({ id: "s" })).toBeNull();
    expect(temporaryPasswordOf({ temporaryPassword: "" })).toBeNull();
    expect(temporaryPasswordOf(undefined)).toBeNull();
  });
});
