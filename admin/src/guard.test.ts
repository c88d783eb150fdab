import type { StaffSessionView } from "@xinyuan/shared";
import { decideAdminPage, decideLogin, decideSetupStep, guardPaths } from "./guard";

function session(pending: StaffSessionView["pending"], roles: StaffSessionView["staff"]["roles"] = ["counsellor"]): Pick<StaffSessionView, "pending" | "staff"> {
  return {
    pending,
    staff: {
      id: "7d6c3f0e-1c1f-4a8e-9a55-2d1f1f0a3b11",
      username: "li.laoshi",
      displayName: "李老师",
      roles,
      scope: { level: "school", areaId: null, schoolId: null, areaName: null, schoolName: null },
      status: "active",
      totpEnabled: pending.includes("enrol_totp") === false,
      mustChangePassword: pending.includes("change_password"),
      lastLoginAt: null,
      createdAt: "2025-05-01T08:00:00+08:00",
    },
  };
}

describe("route guards", () => {
  it("sends a visitor without a session to the login page", () => {
    expect(decideAdminPage(null, "canUseAdmin")).toEqual({ kind: "redirect", to: guardPaths.login });
    expect(decideSetupStep(null, guardPaths.passwordSetup)).toEqual({ kind: "redirect", to: guardPaths.login });
    expect(decideLogin(null)).toEqual({ kind: "allow" });
  });

  it("asks for a new password before the authenticator, and both before any page", () => {
    const both = session(["enrol_totp", "change_password"]);
    expect(decideAdminPage(both, "canUseAdmin")).toEqual({ kind: "redirect", to: guardPaths.passwordSetup });
    expect(decideSetupStep(both, guardPaths.totpSetup)).toEqual({ kind: "redirect", to: guardPaths.passwordSetup });
    expect(decideSetupStep(both, guardPaths.passwordSetup)).toEqual({ kind: "allow" });
    expect(decideLogin(both)).toEqual({ kind: "redirect", to: guardPaths.passwordSetup });

    const totpOnly = session(["enrol_totp"]);
    expect(decideAdminPage(totpOnly, "canUseAdmin")).toEqual({ kind: "redirect", to: guardPaths.totpSetup });
    expect(decideSetupStep(totpOnly, guardPaths.passwordSetup)).toEqual({ kind: "redirect", to: guardPaths.totpSetup });
  });

  it("leaves the forced steps once they are done", () => {
    expect(decideSetupStep(session([]), guardPaths.totpSetup)).toEqual({ kind: "redirect", to: guardPaths.home });
    expect(decideLogin(session([]))).toEqual({ kind: "redirect", to: guardPaths.home });
  });

  it("answers 403 for a page the roles do not include, and opens the ones they do", () => {
    expect(decideAdminPage(session([]), "canManageStaff")).toEqual({ kind: "forbidden" });
    expect(decideAdminPage(session([]), "canWorkQueue")).toEqual({ kind: "allow" });
    expect(decideAdminPage(session([], ["centre_admin"]), "canManageStaff")).toEqual({ kind: "allow" });
  });
});
