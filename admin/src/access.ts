import type { StaffRole, StaffView } from "@xinyuan/shared";

/**
 * What the signed-in staff member may see in the admin. The menu and the route guards read only this;
 * the server still authorizes every request against the object it touches, so these rules decide what
 * is offered, never what is allowed.
 *
 * Rule table (deny by default; a disabled account gets nothing; roles add up):
 *
 * | key                  | who                                                           |
 * | -------------------- | ------------------------------------------------------------- |
 * | canUseAdmin          | every active staff member (home, my account)                  |
 * | canManageStaff       | centre_admin at any scope: county everywhere; an area or      |
 * |                      | school admin only inside their own area / school              |
 * | canManageStaffCounty | centre_admin at county scope (county-level accounts)          |
 * | canManageDirectory   | centre_admin at county scope (areas and schools are county data) |
 * | canManageSettings    | centre_admin at county scope                                  |
 * | canReadAudit         | centre_admin or supervisor at any scope (below county the     |
 * |                      | server shows only events of staff inside that scope)          |
 * | canWorkQueue         | counsellor, supervisor (online chats, duty toggle)            |
 * | canWorkHotline       | counsellor or supervisor at county scope (the county line)    |
 * | canSuperviseHotline  | supervisor or centre_admin at county scope (live board)       |
 * | canAnswerLetters     | counsellor, supervisor (school / area mailboxes)              |
 * | canHandleCrisis      | counsellor, supervisor (follow crisis cases); centre_admin    |
 * |                      | (reads cases in scope, exports the ledger, sets the directory) |
 * | canSupervise         | supervisor at county scope (watch chats, take over, alerts)   |
 * | canManageRoster      | centre_admin or supervisor at county scope (duty roster)      |
 * | canReadRoster        | canManageRoster, or a hotline counsellor (reads the roster)   |
 * | canEditContent       | editor (Mental Health Month content)                          |
 * | canReviewContent     | reviewer                                                      |
 * | canUseContent        | editor or reviewer (the content menu)                         |
 * | canReportActivities  | counsellor, centre_admin, editor or reviewer at school scope  |
 * |                      | (report the school's May activities with photos)              |
 * | canReadActivityOverview | centre_admin, editor or reviewer at county or area scope   |
 * |                      | (every school's month in scope, reports and photos)           |
 * | canWorkAppointments  | expert, counsellor, supervisor, admin (the day list of bookings) |
 * | canManageAppointments| supervisor, admin (rooms, experts, weekly hours, payments)    |
 * | canReadStatistics    | centre_admin at any scope (their scope's figures), supervisor |
 * |                      | at county scope                                               |
 * | canEditRiskLexicon   | supervisor or centre_admin at county scope (risk lexicon      |
 * |                      | versions, 试运行, activation)                                  |
 */
export interface Access {
  canUseAdmin: boolean;
  canManageStaff: boolean;
  canManageStaffCounty: boolean;
  canManageDirectory: boolean;
  canManageSettings: boolean;
  canReadAudit: boolean;
  canWorkQueue: boolean;
  canWorkHotline: boolean;
  canSuperviseHotline: boolean;
  canAnswerLetters: boolean;
  canHandleCrisis: boolean;
  canSupervise: boolean;
  canManageRoster: boolean;
  canReadRoster: boolean;
  canEditContent: boolean;
  canReviewContent: boolean;
  canUseContent: boolean;
  canReportActivities: boolean;
  canReadActivityOverview: boolean;
  canWorkAppointments: boolean;
  canManageAppointments: boolean;
  canReadStatistics: boolean;
  canEditRiskLexicon: boolean;
}

export type AccessKey = keyof Access;

/** The part of a staff member access() looks at, so tests and callers need not build a whole StaffView. */
export type AccessSubject = Pick<StaffView, "roles" | "status"> & { scope: Pick<StaffView["scope"], "level"> };

const nothing: Access = {
  canUseAdmin: false,
  canManageStaff: false,
  canManageStaffCounty: false,
  canManageDirectory: false,
  canManageSettings: false,
  canReadAudit: false,
  canWorkQueue: false,
  canWorkHotline: false,
  canSuperviseHotline: false,
  canAnswerLetters: false,
  canHandleCrisis: false,
  canSupervise: false,
  canManageRoster: false,
  canReadRoster: false,
  canEditContent: false,
  canReviewContent: false,
  canUseContent: false,
  canReportActivities: false,
  canReadActivityOverview: false,
  canWorkAppointments: false,
  canManageAppointments: false,
  canReadStatistics: false,
  canEditRiskLexicon: false,
};

/** Decides menus and route guards from the signed-in staff member's roles and scope. Pure. */
export function access(currentStaff: AccessSubject | null | undefined): Access {
  if (!currentStaff || currentStaff.status !== "active") return nothing;
  const has = (role: StaffRole) => currentStaff.roles.includes(role);
  const county = currentStaff.scope.level === "county";
  const admin = has("centre_admin");
  const countyAdmin = admin && county;
  const supervisor = has("supervisor");
  const counsellingStaff = has("counsellor") || supervisor;
  const rosterManager = (admin || supervisor) && county;
  const hotlineWorker = counsellingStaff && county;

  return {
    canUseAdmin: true,
    canManageStaff: admin,
    canManageStaffCounty: countyAdmin,
    canManageDirectory: countyAdmin,
    canManageSettings: countyAdmin,
    canReadAudit: admin || supervisor,
    canWorkQueue: counsellingStaff,
    canWorkHotline: hotlineWorker,
    canSuperviseHotline: rosterManager,
    canAnswerLetters: counsellingStaff,
    canHandleCrisis: counsellingStaff || admin,
    canSupervise: supervisor && county,
    canManageRoster: rosterManager,
    canReadRoster: rosterManager || hotlineWorker,
    canEditContent: has("editor"),
    canReviewContent: has("reviewer"),
    canUseContent: has("editor") || has("reviewer"),
    canReportActivities: currentStaff.scope.level === "school" && (has("counsellor") || admin || has("editor") || has("reviewer")),
    canReadActivityOverview: currentStaff.scope.level !== "school" && (admin || has("editor") || has("reviewer")),
    canWorkAppointments: has("expert") || counsellingStaff || admin,
    canManageAppointments: admin || supervisor,
    canReadStatistics: admin || (supervisor && county),
    canEditRiskLexicon: rosterManager,
  };
}

