import { and, count, eq, gte, like, lte, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { StaffScope } from "@xinyuan/shared";
import { appUsers, auditEvents, staff } from "../db/schema/index";
import type { DbOrTx } from "../db/database";
import type { AuditEventRecord } from "./presentAuditEvent";
import { scopeCondition } from "../access/scope";
import { offsetOf, orderByFrom } from "../http/listQuery";

export interface AuditEventFilter {
  scope: StaffScope;
  actorId?: string;
  /** "staff.login" matches itself and its sub-actions such as "staff.login.failed". */
  action?: string;
  targetType?: string;
  targetId?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
  sort?: string;
}

const actorStaff = alias(staff, "actor_staff");
const actorUser = alias(appUsers, "actor_user");

/**
 * What a narrower-than-county scope may see: events done by a staff member inside the scope, or done
 * to one (a failed login, a password reset). Events of mini-program users and of the system are
 * county-only, since they cannot be placed in an area reliably.
 */
function scopeVisibility(scope: StaffScope): SQL | undefined {
  const inScope = scopeCondition(scope, { areaId: staff.areaId, schoolId: staff.schoolId });
  if (!inScope) return undefined;
  return sql`(${auditEvents.actorId} IN (SELECT ${staff.id} FROM ${staff} WHERE ${inScope})
    OR (${auditEvents.targetType} = 'staff' AND ${auditEvents.targetId} IN (SELECT ${staff.id}::text FROM ${staff} WHERE ${inScope})))`;
}

/**
 * The target's human name for the log screen: an alias for students (directly or through their chat),
 * names for staff, schools and areas, "第 N 号" for a call. Scalar look-ups on one page of rows.
 */
const targetName = sql<string | null>`CASE ${auditEvents.targetType}
  WHEN 'staff' THEN (SELECT display_name FROM staff WHERE id::text = ${auditEvents.targetId})
  WHEN 'app_user' THEN (SELECT alias FROM app_users WHERE id::text = ${auditEvents.targetId})
  WHEN 'user' THEN (SELECT alias FROM app_users WHERE id::text = ${auditEvents.targetId})
  WHEN 'conversation' THEN (SELECT u.alias FROM conversations c JOIN app_users u ON u.id = c.user_id WHERE c.id::text = ${auditEvents.targetId})
  WHEN 'hotline_ticket' THEN (SELECT '第 ' || t.number || ' 号' FROM hotline_tickets t WHERE t.id::text = ${auditEvents.targetId})
  WHEN 'school' THEN (SELECT name FROM schools WHERE id::text = ${auditEvents.targetId})
  WHEN 'area' THEN (SELECT name FROM areas WHERE id::text = ${auditEvents.targetId})
END`;

/** A page of audit events, newest first unless sorted otherwise. */
export async function listAuditEventRecords(db: DbOrTx, filter: AuditEventFilter): Promise<{ records: AuditEventRecord[]; total: number }> {
  const conditions: Array<SQL | undefined> = [scopeVisibility(filter.scope)];
  if (filter.actorId) conditions.push(eq(auditEvents.actorId, filter.actorId));
  if (filter.action) {
    const literal = filter.action.replace(/[\\%_]/g, (char) => `\\${char}`);
    conditions.push(or(eq(auditEvents.action, filter.action), like(auditEvents.action, `${literal}.%`)));
  }
  if (filter.targetType) conditions.push(eq(auditEvents.targetType, filter.targetType));
  if (filter.targetId) conditions.push(eq(auditEvents.targetId, filter.targetId));
  if (filter.from) conditions.push(gte(auditEvents.at, new Date(filter.from)));
  if (filter.to) conditions.push(lte(auditEvents.at, new Date(filter.to)));
  const where = and(...conditions);
  const records = await db
    .select({ event: auditEvents, actorName: sql<string | null>`coalesce(${actorStaff.displayName}, ${actorUser.alias})`, targetName })
    .from(auditEvents)
    .leftJoin(actorStaff, and(eq(auditEvents.actorType, "staff"), eq(auditEvents.actorId, actorStaff.id)))
    .leftJoin(actorUser, and(eq(auditEvents.actorType, "user"), eq(auditEvents.actorId, actorUser.id)))
    .where(where)
    .orderBy(...orderByFrom(filter.sort, { at: auditEvents.at, action: auditEvents.action }, "-at", auditEvents.id))
    .limit(filter.pageSize)
    .offset(offsetOf(filter.page, filter.pageSize));
  const [counted] = await db.select({ total: count() }).from(auditEvents).where(where);
  return { records, total: counted?.total ?? 0 };
}
