import type { AgeBand, ScopeLevel, StaffRole, UserRole, SchoolStage } from "./roles";
import type { ConsentKind, GuardianRelation } from "./consent";

/** What the admin knows about the signed-in staff member. */
export interface StaffView {
  id: string;
  username: string;
  displayName: string;
  roles: StaffRole[];
  scope: { level: ScopeLevel; areaId: string | null; schoolId: string | null; areaName: string | null; schoolName: string | null };
  status: "active" | "disabled";
  totpEnabled: boolean;
  mustChangePassword: boolean;
  lastLoginAt: string | null;
  createdAt: string;
}

export interface StaffSessionView {
  token: string;
  expiresAt: string;
  staff: StaffView;
  /** What the staff member must do before anything else. */
  pending: Array<"change_password" | "enrol_totp">;
}

export interface ConsentView {
  kind: ConsentKind;
  version: string;
  givenAt: string;
  guardianRelation?: GuardianRelation;
  /** Guardian consent: typed on the child's phone, or confirmed by invitation in the guardian's own WeChat. */
  method?: "typed" | "invitation";
}

/** A mini-program user as they see themselves. Never includes openid. */
export interface MeView {
  id: string;
  alias: string;
  role: UserRole | null;
  ageBand: AgeBand | null;
  school: { id: string; name: string } | null;
  consents: ConsentView[];
  /** True when privacy + sensitive consent (and guardian consent for under-14s) are current. */
  canUseCounselling: boolean;
  missingConsents: ConsentKind[];
  createdAt: string;
}

export interface UserSessionView {
  token: string;
  expiresAt: string;
  me: MeView;
}

export interface AreaView {
  id: string;
  name: string;
  centreSchoolId: string | null;
  centreSchoolName: string | null;
  schoolCount: number;
}

export interface SchoolView {
  id: string;
  name: string;
  stage: SchoolStage;
  areaId: string;
  areaName: string;
  hasFullTimeCounsellor: boolean;
}

export interface PublicSchoolView {
  id: string;
  name: string;
  areaName: string;
}

export interface AuditEventView {
  id: string;
  at: string;
  actorType: "staff" | "user" | "system";
  actorId: string | null;
  actorName: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  /** The target's alias (students), name (staff, schools, areas) or number (calls), when it can be named. */
  targetName: string | null;
  ip: string | null;
  requestId: string | null;
  detail: Record<string, unknown> | null;
}

export interface PublicConfigView {
  countyName: string;
  /** openNow: the line is open and a counsellor is on duty right now (help lists say which lines answer now). */
  hotline: { number: string; hoursText: string; openNow: boolean };
  fallbackHelplines: ReadonlyArray<{ number: string; name: string; note: string }>;
  emergencyLines: ReadonlyArray<{ number: string; name: string; note: string }>;
  consentVersions: Record<ConsentKind, string>;
  demo: boolean;
}

export interface SettingsView {
  requireTotpForAllStaff: boolean;
  /** Roles that must enrol a second factor even when not every staff member must (default: centre admins and supervisors). */
  requireTotpForRoles: StaffRole[];
  /**
   * Whether an under-14's guardian may still consent by typing their name on the child's phone (recorded as
   * typed and shown as such to staff). Default on: many guardians here are grandparents without WeChat.
   */
  allowTypedGuardianConsent: boolean;
}

export interface TotpSetupView {
  secret: string;
  otpauthUrl: string;
}

export interface UserExportView {
  exportedAt: string;
  me: MeView;
  /** Every consent ever given, oldest first, with the guardian's name (decrypted for the user alone). */
  consents: Array<ConsentView & { guardianName?: string }>;
  /** Each feature's section (chats, letters, calls, bookings…) and the audit trail, keyed in English. */
  sections: Record<string, unknown>;
  /** The same export as readable Chinese text: Chinese headings and labels, county times, no ids or keys. */
  readable: string;
}
