import { eq } from "drizzle-orm";
import type { SchoolStage } from "@xinyuan/shared";
import { areas, schools } from "../db/schema/index";
import type { DbOrTx } from "../db/database";
import { recordAudit, type AuditOrigin } from "../audit/recordAudit";
import { ConflictError, NotFoundError } from "../http/errors";
import { findSchoolRecord } from "./directoryViews";
import type { SchoolRecord } from "./presentDirectory";

/** Adds a school to an existing area. School names are unique in the county. */
export async function schoolCreator(props: {
  tx: DbOrTx;
  input: { name: string; stage: SchoolStage; areaId: string; hasFullTimeCounsellor: boolean };
  origin: AuditOrigin;
}): Promise<SchoolRecord> {
  const { tx, input } = props;
  const [area] = await tx.select({ id: areas.id }).from(areas).where(eq(areas.id, input.areaId)).limit(1);
  if (!area) throw NotFoundError("AREA_NOT_FOUND");
  const [taken] = await tx.select({ id: schools.id }).from(schools).where(eq(schools.name, input.name)).limit(1);
  if (taken) throw ConflictError("NAME_TAKEN");
  const [row] = await tx.insert(schools).values(input).returning({ id: schools.id });
  await recordAudit(tx, props.origin, { action: "school.create", targetType: "school", targetId: row!.id, detail: { ...input } });
  return (await findSchoolRecord(tx, row!.id))!;
}
