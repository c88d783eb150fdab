import { sql, type SQL } from "drizzle-orm";
import type { StaffScope } from "@xinyuan/shared";
import type { DbOrTx } from "../db/database";

/** Rows of a raw aggregate query; both drivers (node-postgres and PGlite) answer with `rows`. */
export async function aggregateRows<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/**
 * The reader's scope as a condition on a row with area and school columns: county reads everything, an
 * area its own schools' rows, a school only its own. A scope missing its id reads nothing.
 */
export function scopeFilter(scope: StaffScope, areaColumn: SQL, schoolColumn: SQL): SQL {
  if (scope.level === "county") return sql`true`;
  if (scope.level === "area") return scope.areaId ? sql`${areaColumn} = ${scope.areaId}` : sql`false`;
  return scope.schoolId ? sql`${schoolColumn} = ${scope.schoolId}` : sql`false`;
}

/** A county month label of a timestamp column ("2026-05"), county time being UTC+8. */
export const countyMonthOf = (column: SQL) => sql`to_char((${column} AT TIME ZONE 'UTC') + interval '8 hours', 'YYYY-MM')`;
