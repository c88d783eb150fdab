import { and, eq, ne } from "drizzle-orm";
import type { SchoolStage } from "@xinyuan/shared";
import { areas, schools, staff } from "../db/schema/index";
import type { DbOrTx } from "../db/database";
import { recordAudit, type AuditOrigin } from "../audit/recordAudit";
import { AppError, ConflictError, NotFoundError } from "../http/errors";
import { findSchoolRecord } from "./directoryViews";
import type { SchoolRecord } from "./presentDirectory";

/**
 * Changes a school. Moving it to another area also moves its school-level staff (their scope carries
 * the area), and is refused while the school is its old area's centre school.
 */
export async function schoolUpdater(props: {
  tx: DbOrTx;
  schoolId: string;
  changes: { name?: string; stage?: SchoolStage; areaId?: string; hasFullTimeCounsellor?: boolean };
  origin: AuditOrigin;
}): Promise<SchoolRecord> {
  const { tx, changes } = props;
  const [row] = await tx.select().from(schools).where(eq(schools.id, props.schoolId)).limit(1).for("update");
  if (!row) throw NotFoundError("SCHOOL_NOT_FOUND");
  if (changes.name !== undefined && changes.name !== row.name) {
    const [taken] = await tx.select({ id: schools.id }).from(schools).where(and(eq(schools.name, changes.name), ne(schools.id, row.id))).limit(1);
    if (taken) throw ConflictError("NAME_TAKEN");
  }
  const moves = changes.areaId !== undefined && changes.areaId !== row.areaId;
  if (moves) {
    const [area] = await tx.select({ id: areas.id }).from(areas).where(eq(areas.id, changes.areaId!)).limit(1);
    if (!area) throw NotFoundError("AREA_NOT_FOUND");
    const [centreOf] = await tx.select({ id: areas.id }).from(areas).where(eq(areas.centreSchoolId, row.id)).limit(1);
    if (centreOf) throw new AppError(409, "SCHOOL_IS_AREA_CENTRE");
  }
  const before = { name: row.name, stage: row.stage, areaId: row.areaId, hasFullTimeCounsellor: row.hasFullTimeCounsellor };
  const after = Object.fromEntries(Object.entries(changes).filter(([key, value]) => value !== undefined && value !== before[key as keyof typeof before]));
  if (Object.keys(after).length > 0) {
    await tx.update(schools).set(after).where(eq(schools.id, row.id));
    if (moves) await tx.update(staff).set({ areaId: changes.areaId! }).where(eq(staff.schoolId, row.id));
    await recordAudit(tx, props.origin, { action: "school.update", targetType: "school", targetId: row.id, detail: { before, after } });
  }
  return (await findSchoolRecord(tx, row.id))!;
}
