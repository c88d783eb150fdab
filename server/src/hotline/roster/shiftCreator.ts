import { and, eq, gt, lt } from "drizzle-orm";
import { hotlineShifts, staff } from "../../db/schema";
import type { DbOrTx } from "../../db/database";
import { recordAudit, type AuditOrigin } from "../../audit/recordAudit";
import { AppError, ConflictError } from "../../http/errors";
import { isHotlineEligibleStaff } from "../hotlinePolicy";

const maxShiftMs = 24 * 3600_000;

/**
 * Adds one shift inside the caller's transaction. The counsellor's staff row is locked first, so two
 * admins adding overlapping shifts for the same person at once cannot both succeed.
 */
export async function shiftCreator(props: { tx: DbOrTx; staffId: string; startsAt: Date; endsAt: Date; note: string | null; createdBy: string; origin: AuditOrigin }) {
  const { tx, staffId, startsAt, endsAt } = props;
  if (endsAt <= startsAt || endsAt.getTime() - startsAt.getTime() > maxShiftMs) throw new AppError(400, "ROSTER_SHIFT_INVALID");
  const [member] = await tx.select().from(staff).where(eq(staff.id, staffId)).for("update").limit(1);
  if (!member || !isHotlineEligibleStaff(member)) throw new AppError(400, "ROSTER_STAFF_NOT_ELIGIBLE");
  const [overlap] = await tx
    .select({ id: hotlineShifts.id })
    .from(hotlineShifts)
    .where(and(eq(hotlineShifts.staffId, staffId), lt(hotlineShifts.startsAt, endsAt), gt(hotlineShifts.endsAt, startsAt)))
    .limit(1);
  if (overlap) throw ConflictError("ROSTER_SHIFT_OVERLAP");
  const [row] = await tx.insert(hotlineShifts).values({ staffId, startsAt, endsAt, note: props.note, createdBy: props.createdBy }).returning();
  await recordAudit(tx, props.origin, { action: "roster.shift.create", targetType: "hotline_shift", targetId: row!.id, detail: { staffId, startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString() } });
  return { row: row!, staffName: member.displayName };
}
