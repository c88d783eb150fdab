import { and, arrayContains, count, eq, ilike, or, type SQL } from "drizzle-orm";
import type { StaffRole, StaffScope } from "@xinyuan/shared";
import { areas, schools, staff } from "../db/schema/index";
import type { DbOrTx } from "../db/database";
import type { StaffRecord } from "./presentStaff";
import { scopeCondition } from "../access/scope";
import { containsPattern, offsetOf, orderByFrom } from "../http/listQuery";

function selectStaffRecords(db: DbOrTx) {
  return db
    .select({ staff, areaName: areas.name, schoolName: schools.name })
    .from(staff)
    .leftJoin(areas, eq(staff.areaId, areas.id))
    .leftJoin(schools, eq(staff.schoolId, schools.id));
}

/** One staff member with their area and school names, or undefined. */
export async function findStaffRecord(db: DbOrTx, id: string): Promise<StaffRecord | undefined> {
  const [record] = await selectStaffRecords(db).where(eq(staff.id, id)).limit(1);
  return record;
}

export interface StaffListFilter {
  scope: StaffScope;
  q?: string;
  role?: StaffRole;
  status?: "active" | "disabled";
  page: number;
  pageSize: number;
  sort?: string;
}

const sortable = { username: staff.username, displayName: staff.displayName, createdAt: staff.createdAt, lastLoginAt: staff.lastLoginAt };

/** A page of the staff inside a scope, filtered by name, role and status. */
export async function listStaffRecords(db: DbOrTx, filter: StaffListFilter): Promise<{ records: StaffRecord[]; total: number }> {
  const conditions: Array<SQL | undefined> = [scopeCondition(filter.scope, { areaId: staff.areaId, schoolId: staff.schoolId })];
  if (filter.q) conditions.push(or(ilike(staff.username, containsPattern(filter.q)), ilike(staff.displayName, containsPattern(filter.q))));
  if (filter.role) conditions.push(arrayContains(staff.roles, [filter.role]));
  if (filter.status) conditions.push(eq(staff.status, filter.status));
  const where = and(...conditions);
  const orderBy = orderByFrom(filter.sort, sortable, "username", staff.id);
  const records = await selectStaffRecords(db)
    .where(where)
    .orderBy(...orderBy)
    .limit(filter.pageSize)
    .offset(offsetOf(filter.page, filter.pageSize));
  const [counted] = await db.select({ total: count() }).from(staff).where(where);
  return { records, total: counted?.total ?? 0 };
}
