import type { AgeBand, ScopeLevel, StaffRole, UserRole } from "@xinyuan/shared";

export interface StaffActor {
  type: "staff";
  id: string;
  username: string;
  displayName: string;
  roles: StaffRole[];
  scope: { level: ScopeLevel; areaId: string | null; schoolId: string | null };
  /** Things the staff member must do first; other routes answer 403 until done. */
  pending: Array<"change_password" | "enrol_totp">;
}

export interface UserActor {
  type: "user";
  id: string;
  alias: string;
  role: UserRole | null;
  ageBand: AgeBand | null;
  schoolId: string | null;
}

export type Actor = StaffActor | UserActor;

export function hasRole(actor: Actor | undefined, ...roles: StaffRole[]): actor is StaffActor {
  return actor?.type === "staff" && actor.roles.some((role) => roles.includes(role));
}
