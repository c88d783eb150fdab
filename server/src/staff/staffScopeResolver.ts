import { eq } from "drizzle-orm";
import type { ScopeLevel, StaffScope } from "@xinyuan/shared";
import { areas, schools } from "../db/schema/index";
import type { DbOrTx } from "../db/database";
import { AppError, NotFoundError } from "../http/errors";

const scopeInvalid = () => new AppError(400, "SCOPE_INVALID");

/**
 * Checks a requested staff scope against the directory and completes it: county has no ids, an area
 * scope names an existing area, a school scope names an existing school and takes that school's area
 * (so area admins and area lists cover school-level staff too).
 */
export async function staffScopeResolver(props: { tx: DbOrTx; scope: { level: ScopeLevel; areaId: string | null; schoolId: string | null } }): Promise<StaffScope> {
  const { tx, scope } = props;
  if (scope.level === "county") {
    if (scope.areaId || scope.schoolId) throw scopeInvalid();
    return { level: "county", areaId: null, schoolId: null };
  }
  if (scope.level === "area") {
    if (!scope.areaId || scope.schoolId) throw scopeInvalid();
    const [area] = await tx.select({ id: areas.id }).from(areas).where(eq(areas.id, scope.areaId)).limit(1);
    if (!area) throw NotFoundError("AREA_NOT_FOUND");
    return { level: "area", areaId: area.id, schoolId: null };
  }
  if (!scope.schoolId) throw scopeInvalid();
  const [school] = await tx.select({ id: schools.id, areaId: schools.areaId }).from(schools).where(eq(schools.id, scope.schoolId)).limit(1);
  if (!school) throw NotFoundError("SCHOOL_NOT_FOUND");
  if (scope.areaId && scope.areaId !== school.areaId) throw scopeInvalid();
  return { level: "school", areaId: school.areaId, schoolId: school.id };
}
