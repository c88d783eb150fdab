import { and, eq, isNull } from "drizzle-orm";
import type { AgeBand, ScopeLevel, StaffRole, UserRole } from "@xinyuan/shared";
import { appUsers, staff } from "../db/schema";
import type { DbOrTx } from "../db/database";
import { readSetting } from "../settings/platformSettings";
import type { StaffActor, UserActor } from "./actor";

type StaffRow = typeof staff.$inferSelect;

async function totpRequiredFor(db: DbOrTx, roles: StaffRole[]): Promise<boolean> {
  if (await readSetting(db, "requireTotpForAllStaff")) return true;
  const required = await readSetting(db, "requireTotpForRoles");
  return roles.some((role) => required.includes(role));
}

/** Steps a staff member must finish before using anything else. */
export async function pendingStepsOf(db: DbOrTx, row: StaffRow): Promise<StaffActor["pending"]> {
  const pending: StaffActor["pending"] = [];
  if (row.mustChangePassword) pending.push("change_password");
  if (!row.totpSecretEnc && (await totpRequiredFor(db, row.roles as StaffRole[]))) pending.push("enrol_totp");
  return pending;
}

export async function staffActorFromRow(db: DbOrTx, row: StaffRow): Promise<StaffActor> {
  return {
    type: "staff",
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    roles: row.roles as StaffRole[],
    scope: { level: row.scopeLevel as ScopeLevel, areaId: row.areaId, schoolId: row.schoolId },
    pending: await pendingStepsOf(db, row),
  };
}

export async function loadStaffActor(db: DbOrTx, id: string): Promise<StaffActor | undefined> {
  const [row] = await db.select().from(staff).where(and(eq(staff.id, id), eq(staff.status, "active"))).limit(1);
  return row ? staffActorFromRow(db, row) : undefined;
}

export async function loadUserActor(db: DbOrTx, id: string): Promise<UserActor | undefined> {
  const [row] = await db.select().from(appUsers).where(and(eq(appUsers.id, id), isNull(appUsers.deletedAt))).limit(1);
  if (!row) return undefined;
  return { type: "user", id: row.id, alias: row.alias, role: row.role as UserRole | null, ageBand: row.ageBand as AgeBand | null, schoolId: row.schoolId };
}
