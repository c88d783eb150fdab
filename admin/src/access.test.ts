import type { ScopeLevel, StaffRole } from "@xinyuan/shared";
import { access, type Access, type AccessKey, type AccessSubject } from "./access";

const allKeys = Object.keys(access({ roles: ["centre_admin"], status: "active", scope: { level: "county" } })) as AccessKey[];

function staff(roles: StaffRole[], level: ScopeLevel, status: "active" | "disabled" = "active"): AccessSubject {
  return { roles, status, scope: { level } };
}

function only(...granted: AccessKey[]): Access {
  const expected = { ...access(null) };
  for (const key of allKeys) expected[key] = granted.includes(key);
  return expected;
}

const counsellingWork: AccessKey[] = ["canWorkQueue", "canAnswerLetters", "canHandleCrisis", "canWorkAppointments"];
const rosterManagement: AccessKey[] = ["canManageRoster", "canReadRoster", "canSuperviseHotline", "canEditRiskLexicon"];

describe("access", () => {
  it.each<[string, AccessSubject | null, Access]>([
    [
      "a county centre admin manages staff everywhere, the directory, settings and reads audit",
      staff(["centre_admin"], "county"),
      only("canUseAdmin", "canManageStaff", "canManageStaffCounty", "canManageDirectory", "canManageSettings", "canReadAudit", "canReadStatistics", "canHandleCrisis", "canReadActivityOverview", "canWorkAppointments", "canManageAppointments", ...rosterManagement),
    ],
    [
      "an area centre admin manages staff, reads audit and statistics inside the area only, not the directory, settings or the county roster",
      staff(["centre_admin"], "area"),
      only("canUseAdmin", "canManageStaff", "canReadAudit", "canReadStatistics", "canHandleCrisis", "canReadActivityOverview", "canWorkAppointments", "canManageAppointments"),
    ],
    [
      "a school centre admin manages staff, reads audit and statistics inside the school only, and reports the school's May activities",
      staff(["centre_admin"], "school"),
      only("canUseAdmin", "canManageStaff", "canReadAudit", "canReadStatistics", "canHandleCrisis", "canReportActivities", "canWorkAppointments", "canManageAppointments"),
    ],
    [
      "a county supervisor supervises, works the hotline and chats, keeps the roster and reads audit",
      staff(["supervisor"], "county"),
      only("canUseAdmin", "canManageAppointments", "canSupervise", "canReadAudit", "canReadStatistics", "canWorkHotline", ...rosterManagement, ...counsellingWork),
    ],
    [
      "an area supervisor reads audit too (the server narrows it) but neither works the county hotline nor supervises county-wide chats",
      staff(["supervisor"], "area"),
      only("canUseAdmin", "canReadAudit", "canManageAppointments", ...counsellingWork),
    ],
    ["a school counsellor works queue, letters and crisis, and reports the school's May activities", staff(["counsellor"], "school"), only("canUseAdmin", "canReportActivities", ...counsellingWork)],
    [
      "a county counsellor works the hotline and reads the roster, but is still not a manager",
      staff(["counsellor"], "county"),
      only("canUseAdmin", "canWorkHotline", "canReadRoster", ...counsellingWork),
    ],
    ["a county editor edits content and sees every school's month", staff(["editor"], "county"), only("canUseAdmin", "canEditContent", "canUseContent", "canReadActivityOverview")],
    ["a county reviewer reviews content and sees every school's month", staff(["reviewer"], "county"), only("canUseAdmin", "canReviewContent", "canUseContent", "canReadActivityOverview")],
    ["an expert works the appointment day list", staff(["expert"], "county"), only("canUseAdmin", "canWorkAppointments")],
    [
      "roles add up: a counsellor who also edits",
      staff(["counsellor", "editor"], "school"),
      only("canUseAdmin", "canEditContent", "canUseContent", "canReportActivities", ...counsellingWork),
    ],
    ["a disabled county admin gets nothing", staff(["centre_admin"], "county", "disabled"), only()],
    ["an active account with no roles only sees home and its own account", staff([], "county"), only("canUseAdmin")],
    ["nobody signed in gets nothing", null, only()],
  ])("%s", (_name, subject, expected) => {
    expect(access(subject)).toEqual(expected);
  });
});
