import { eq } from "drizzle-orm";
import type { HandoverCaseBody } from "@xinyuan/shared";
import type { Services } from "../services";
import type { StaffActor } from "../auth/actor";
import type { DbOrTx } from "../db/database";
import { caseTeamMembers, crisisCases, staff } from "../db/schema";
import { recordAudit, type AuditOrigin } from "../audit/recordAudit";
import { AppError } from "../http/errors";
import type { StaffScope } from "@xinyuan/shared";
import { scopeCovers } from "../access/scope";
import { appendCaseEvent } from "./caseEvents";
import { canHandOverCase } from "./casePolicy";
import { writeCase } from "./caseWrite";
import type { LockedCase } from "./caseQueries";
import { noticeCaseChanged } from "./caseNotices";

/** Whether a staff member may own or follow this case: active, a counsellor or supervisor, scope covering it. */
export async function requireCaseWorker(tx: DbOrTx, staffId: string, row: LockedCase): Promise<void> {
  const [member] = await tx.select().from(staff).where(eq(staff.id, staffId)).limit(1);
  const scope: StaffScope | null = member ? { level: member.scopeLevel as StaffScope["level"], areaId: member.areaId, schoolId: member.schoolId } : null;
  const works = member?.status === "active" && member.roles.some((role) => role === "counsellor" || role === "supervisor");
  if (!works || !scope || !scopeCovers(scope, { schoolId: row.schoolId, areaId: row.areaId })) throw new AppError(400, "CASE_HANDOVER_TARGET_INVALID");
}

/** Hands the case over to another owner (交接), who joins the team; the handover and its note go on the timeline. */
export async function caseTransferer(props: { services: Services; actor: StaffActor; caseId: string; input: HandoverCaseBody; origin: AuditOrigin }): Promise<void> {
  const { services, actor, caseId, input, origin } = props;
  await writeCase({ services, actor, caseId, allowed: canHandOverCase }, async (tx, row, now) => {
    await requireCaseWorker(tx, input.toStaffId, row);
    if (row.ownerId === input.toStaffId) return;
    await tx
      .update(crisisCases)
      .set({ ownerId: input.toStaffId, ownerlessSince: null, status: row.status === "open" ? "following_up" : row.status, updatedAt: now })
      .where(eq(crisisCases.id, caseId));
    await tx.insert(caseTeamMembers).values({ caseId, staffId: input.toStaffId, addedAt: now }).onConflictDoNothing();
    await appendCaseEvent(tx, services.cipher, { caseId, kind: "handed_over", actorId: actor.id, at: now, note: input.note, detail: { from: row.ownerId, to: input.toStaffId } });
    await recordAudit(tx, origin, { action: "case.handover", targetType: "crisis_case", targetId: caseId, detail: { from: row.ownerId, to: input.toStaffId } });
  });
  noticeCaseChanged(services, caseId, [input.toStaffId]);
}
