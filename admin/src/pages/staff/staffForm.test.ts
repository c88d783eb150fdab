import type { StaffView } from "@xinyuan/shared";
import { initialStaffForm, scopeFromForm } from "./staffForm";
import { temporaryPasswordOf } from "./temporaryPassword";

const areaScope: StaffView["scope"] = { level: "area", areaId: "area-1", schoolId: null, areaName: "东片区", schoolName: null };

describe("staff form", () => {
  it("sends each scope level with exactly the ids it needs", () => {
    expect(scopeFromForm({ level: "county", areaId: "area-1", schoolId: "school-1" })).toEqual({ level: "county", areaId: null, schoolId: null });
    expect(scopeFromForm({ level: "area", areaId: "area-1", schoolId: "school-1" })).toEqual({ level: "area", areaId: "area-1", schoolId: null });
    expect(scopeFromForm({ level: "school", areaId: "area-1", schoolId: "school-1" })).toEqual({ level: "school", areaId: "area-1", schoolId: "school-1" });
  });

  it("starts a new account as a school counsellor inside the manager's own area", () => {
    expect(initialStaffForm(null, areaScope, ["area", "school"])).toEqual({ roles: ["counsellor"], level: "school", areaId: "area-1", schoolId: undefined });
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
