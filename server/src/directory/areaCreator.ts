import { eq } from "drizzle-orm";
import { areas, schools } from "../db/schema/index";
import type { DbOrTx } from "../db/database";
import { recordAudit, type AuditOrigin } from "../audit/recordAudit";
import { AppError, ConflictError, NotFoundError } from "../http/errors";
import { findAreaRecord } from "./directoryViews";
import type { AreaRecord } from "./presentDirectory";

/**
 * Adds an area (片区). A centre school must be one of the area's own schools, and a new area has none
 * yet: the centre school is picked with an update once its schools exist.
 */
export async function areaCreator(props: { tx: DbOrTx; input: { name: string; centreSchoolId: string | null }; origin: AuditOrigin }): Promise<AreaRecord> {
  const { tx, input } = props;
  const [taken] = await tx.select({ id: areas.id }).from(areas).where(eq(areas.name, input.name)).limit(1);
  if (taken) throw ConflictError("NAME_TAKEN");
  if (input.centreSchoolId) {
    const [school] = await tx.select({ id: schools.id }).from(schools).where(eq(schools.id, input.centreSchoolId)).limit(1);
    throw school ? new AppError(400, "CENTRE_SCHOOL_OUTSIDE_AREA") : NotFoundError("SCHOOL_NOT_FOUND");
  }
  const [row] = await tx.insert(areas).values({ name: input.name }).returning({ id: areas.id });
  await recordAudit(tx, props.origin, { action: "area.create", targetType: "area", targetId: row!.id, detail: { name: input.name } });
  return (await findAreaRecord(tx, row!.id))!;
}
