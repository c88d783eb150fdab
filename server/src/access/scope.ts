import { eq, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { StaffScope } from "@xinyuan/shared";

/** Where a record lives in the directory. A school-level record carries its school's area too. */
export interface ScopedPlace {
  areaId: string | null;
  schoolId: string | null;
}

/**
 * Whether a staff scope covers a place: county covers everything, an area covers its own area (and
 * every school in it), a school covers only itself. A scope missing its id covers nothing (deny by default).
 */
export function scopeCovers(actorScope: StaffScope, place: ScopedPlace): boolean {
  switch (actorScope.level) {
    case "county":
      return true;
    case "area":
      return actorScope.areaId !== null && place.areaId === actorScope.areaId;
    case "school":
      return actorScope.schoolId !== null && place.schoolId === actorScope.schoolId;
    default:
      return false;
  }
}

/**
 * Whether `inner` is no wider than `outer`: what an admin may grant. A county scope is never inside an
 * area or school scope (its ids are null), so scopeCovers answers this too; this name reads better.
 */
export function scopeWithin(inner: StaffScope, outer: StaffScope): boolean {
  if (inner.level === "county") return outer.level === "county";
  if (inner.level === "area" && outer.level === "school") return false;
  return scopeCovers(outer, inner);
}

/**
 * The same rule as scopeCovers as a SQL condition, for lists. `columns.schoolId` may be left out for
 * records that only know their area (areas themselves); a school scope then sees its school's area.
 * Returns undefined for county (no filter).
 */
export function scopeCondition(actorScope: StaffScope, columns: { areaId: AnyPgColumn; schoolId?: AnyPgColumn }): SQL | undefined {
  if (actorScope.level === "county") return undefined;
  if (actorScope.level === "area") return actorScope.areaId ? eq(columns.areaId, actorScope.areaId) : sql`false`;
  if (actorScope.level === "school") {
    if (columns.schoolId) return actorScope.schoolId ? eq(columns.schoolId, actorScope.schoolId) : sql`false`;
    return actorScope.areaId ? eq(columns.areaId, actorScope.areaId) : sql`false`;
  }
  return sql`false`;
}
