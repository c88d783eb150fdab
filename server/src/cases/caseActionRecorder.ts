import { eq } from "drizzle-orm";
import type { CaseActionBody } from "@xinyuan/shared";
import type { Services } from "../services";
import type { StaffActor } from "../auth/actor";
import { crisisCases } from "../db/schema";
import { recordAudit, type AuditOrigin } from "../audit/recordAudit";
import { appendCaseEvent } from "./caseEvents";
import { canActOnCase } from "./casePolicy";
import { writeCase } from "./caseWrite";

/**
 * Records one action on the timeline with its actor and time: contacted guardian, notified school, called
 * 110/120, a follow-up contact (which may set the next follow-up date), or a note. The note is encrypted.
 */
export async function caseActionRecorder(props: { services: Services; actor: StaffActor; caseId: string; input: CaseActionBody; origin: AuditOrigin }): Promise<void> {
  const { services, actor, caseId, input, origin } = props;
  await writeCase({ services, actor, caseId, allowed: canActOnCase }, async (tx, row, now) => {
    const followUp = input.nextFollowUpOn !== undefined ? { nextFollowUpOn: input.nextFollowUpOn } : {};
    const status = input.kind === "follow_up_contact" && row.status === "open" ? { status: "following_up" } : {};
    await tx.update(crisisCases).set({ ...followUp, ...status, updatedAt: now }).where(eq(crisisCases.id, caseId));
    await appendCaseEvent(tx, services.cipher, { caseId, kind: input.kind, actorId: actor.id, at: now, note: input.note, detail: input.nextFollowUpOn !== undefined ? { nextFollowUpOn: input.nextFollowUpOn } : {} });
    await recordAudit(tx, origin, { action: `case.action.${input.kind}`, targetType: "crisis_case", targetId: caseId });
  });
}
