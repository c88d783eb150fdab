import { and, eq, ne } from "drizzle-orm";
import { areas, schools } from "../db/schema/index";
import type { DbOrTx } from "../db/database";
import { recordAudit, type AuditOrigin } from "../audit/recordAudit";
import { AppError, ConflictError, NotFoundError } from "../http/errors";
import { findAreaRecord } from "./directoryViews";
import type { AreaRecord } from "./presentDirectory";

/** Renames an area or picks its centre school, which must be one of the area's own schools. */
export async function areaUpdater(props: {
  tx: DbOrTx;
  areaId: string;
  changes: { name?: string; centreSchoolId?: string | null };
  origin: AuditOrigin;
}): Promise<AreaRecord> {
  const { tx, changes } = props;
  const [row] = await tx.select().from(areas).where(eq(areas.id, props.areaId)).limit(1).for("update");
  if (!row) throw NotFoundError("AREA_NOT_FOUND");
  if (changes.name !== undefined && changes.name !== row.name) {
    const [taken] = await tx.select({ id: areas.id }).from(areas).where(and(eq(areas.name, changes.name), ne(areas.id, row.id))).limit(1);
    if (taken) throw ConflictError("NAME_TAKEN");
  }
  if (changes.centreSchoolId) {
    const [school] = await tx.select({ areaId: schools.areaId }).from(schools).where(eq(schools.id, changes.centreSchoolId)).limit(1);
    if (!school) throw NotFoundError("SCHOOL_NOT_FOUND");
    if (school.areaId !== row.id) throw new AppError(400, "CENTRE_SCHOOL_OUTSIDE_AREA");
  }
  const set = {
    ...(changes.name === undefined ? {} : { name: changes.name }),
    ...(changes.centreSchoolId === undefined ? {} : { centreSchoolId: changes.centreSchoolId }),
  };
  if (Object.keys(set).length > 0) {
    await tx.update(areas).set(set).where(eq(areas.id, row.id));
    await recordAudit(tx, props.origin, {
      action: "area.update",
      targetType: "area",
      targetId: row.id,
      detail: { before: { name: row.name, centreSchoolId: row.centreSchoolId }, after: set },
    });
  }
  return (await findAreaRecord(tx, row.id))!;
}
