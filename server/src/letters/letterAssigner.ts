import { and, eq } from "drizzle-orm";
import type { AssignLetterBody } from "@xinyuan/shared";
import { letters, staff } from "../db/schema";
import type { Services } from "../services";
import type { StaffActor } from "../auth/actor";
import { recordAudit, type AuditOrigin } from "../audit/recordAudit";
import { AppError, ConflictError } from "../http/errors";
import { readableLetter, memberMailboxIds, staffAsActor } from "./letterQueries";
import { canReadLetter } from "./lettersPolicy";

/**
 * Assigns a letter to a colleague who may read it (or to oneself). The letter row is locked and the
 * client's `expectedAssigneeId` compared with the current one: of two teachers assigning at once, the
 * second finds the first's choice and gets 409 LETTER_ASSIGN_CONFLICT, so there is exactly one winner.
 */
export async function letterAssigner(props: { services: Services; actor: StaffActor; origin: AuditOrigin; letterId: string; input: AssignLetterBody }): Promise<void> {
  const { services, actor, input } = props;
  await services.db.transaction(async (tx) => {
    const letter = await readableLetter(tx, actor, props.letterId, true);
    if (letter.status === "closed") throw new AppError(409, "LETTER_CLOSED");
    if (letter.assignedStaffId !== input.expectedAssigneeId) throw ConflictError("LETTER_ASSIGN_CONFLICT");
    const [target] = await tx.select().from(staff).where(and(eq(staff.id, input.staffId), eq(staff.status, "active"))).limit(1);
    const targetActor = target && staffAsActor(target);
    if (!targetActor || !canReadLetter(targetActor, letter, await memberMailboxIds(tx, targetActor.id))) throw new AppError(400, "LETTER_ASSIGNEE_INVALID");
    await tx.update(letters).set({ assignedStaffId: targetActor.id, updatedAt: services.clock.now() }).where(eq(letters.id, letter.id));
    await recordAudit(tx, props.origin, { action: "letter.assign", targetType: "letter", targetId: letter.id, detail: { from: letter.assignedStaffId, to: targetActor.id } });
  });
}
