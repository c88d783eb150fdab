import type { ScopeLevel, StaffRole, StaffSessionView, StaffView } from "@xinyuan/shared";
import type { staff } from "../db/schema/index";
import type { StaffActor } from "../auth/actor";

/** A staff row with the names of its area and school, as staff/staffViews.ts loads it. */
export interface StaffRecord {
  staff: typeof staff.$inferSelect;
  areaName: string | null;
  schoolName: string | null;
}

/** The account as the admin shows it: a whitelist, so password hashes and TOTP secrets never leave. */
export function presentStaff(record: StaffRecord): StaffView {
  const row = record.staff;
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    roles: row.roles as StaffRole[],
    scope: { level: row.scopeLevel as ScopeLevel, areaId: row.areaId, schoolId: row.schoolId, areaName: record.areaName, schoolName: record.schoolName },
    status: row.status === "disabled" ? "disabled" : "active",
    totpEnabled: row.totpSecretEnc !== null,
    mustChangePassword: row.mustChangePassword,
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The signed-in staff member: their account plus the steps they must finish first. */
export type AccountView = StaffView & { pending: StaffActor["pending"] };

export function presentAccount(record: StaffRecord, pending: StaffActor["pending"]): AccountView {
  return { ...presentStaff(record), pending };
}

export function presentStaffSession(session: { token: string; expiresAt: Date }, record: StaffRecord, pending: StaffActor["pending"]): StaffSessionView {
  return { token: session.token, expiresAt: session.expiresAt.toISOString(), staff: presentStaff(record), pending };
}

/** A new account or a reset: the view plus the temporary password, shown to the admin exactly once. */
export function presentStaffWithTemporaryPassword(record: StaffRecord, temporaryPassword: string): StaffView & { temporaryPassword: string } {
  return { ...presentStaff(record), temporaryPassword };
}
