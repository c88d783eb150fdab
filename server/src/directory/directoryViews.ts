import { and, count, eq, ilike, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { SchoolStage, StaffScope } from "@xinyuan/shared";
import { areas, schools } from "../db/schema/index";
import type { DbOrTx } from "../db/database";
import type { AreaRecord, SchoolRecord } from "./presentDirectory";
import { scopeCondition } from "../access/scope";
import { containsPattern, offsetOf, orderByFrom } from "../http/listQuery";

const centreSchool = alias(schools, "centre_school");

function selectAreaRecords(db: DbOrTx) {
  return db
    .select({
      area: areas,
      centreSchoolName: centreSchool.name,
      schoolCount: sql<number>`(SELECT count(*)::int FROM ${schools} WHERE ${schools.areaId} = ${areas.id})`,
    })
    .from(areas)
    .leftJoin(centreSchool, eq(areas.centreSchoolId, centreSchool.id));
}

export async function findAreaRecord(db: DbOrTx, id: string): Promise<AreaRecord | undefined> {
  const [record] = await selectAreaRecords(db).where(eq(areas.id, id)).limit(1);
  return record;
}

/** A page of areas; an area or school scope sees only its own area. */
export async function listAreaRecords(db: DbOrTx, filter: { scope: StaffScope; page: number; pageSize: number; sort?: string }) {
  const where = scopeCondition(filter.scope, { areaId: areas.id });
  const records = await selectAreaRecords(db)
    .where(where)
    .orderBy(...orderByFrom(filter.sort, { name: areas.name, createdAt: areas.createdAt }, "name", areas.id))
    .limit(filter.pageSize)
    .offset(offsetOf(filter.page, filter.pageSize));
  const [counted] = await db.select({ total: count() }).from(areas).where(where);
  return { records, total: counted?.total ?? 0 };
}

function selectSchoolRecords(db: DbOrTx) {
  return db.select({ school: schools, areaName: areas.name }).from(schools).innerJoin(areas, eq(schools.areaId, areas.id));
}

export async function findSchoolRecord(db: DbOrTx, id: string): Promise<SchoolRecord | undefined> {
  const [record] = await selectSchoolRecords(db).where(eq(schools.id, id)).limit(1);
  return record;
}

export interface SchoolListFilter {
  scope: StaffScope;
  q?: string;
  areaId?: string;
  stage?: SchoolStage;
  page: number;
  pageSize: number;
  sort?: string;
}

/** A page of the schools inside a scope, searchable by name, filtered by area and stage. */
export async function listSchoolRecords(db: DbOrTx, filter: SchoolListFilter) {
  const conditions: Array<SQL | undefined> = [scopeCondition(filter.scope, { areaId: schools.areaId, schoolId: schools.id })];
  if (filter.q) conditions.push(ilike(schools.name, containsPattern(filter.q)));
  if (filter.areaId) conditions.push(eq(schools.areaId, filter.areaId));
  if (filter.stage) conditions.push(eq(schools.stage, filter.stage));
  const where = and(...conditions);
  const records = await selectSchoolRecords(db)
    .where(where)
    .orderBy(...orderByFrom(filter.sort, { name: schools.name, stage: schools.stage, createdAt: schools.createdAt }, "name", schools.id))
    .limit(filter.pageSize)
    .offset(offsetOf(filter.page, filter.pageSize));
  const [counted] = await db.select({ total: count() }).from(schools).where(where);
  return { records, total: counted?.total ?? 0 };
}
