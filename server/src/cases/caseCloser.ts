import { eq } from "drizzle-orm";
import type { CloseCaseBody } from "@xinyuan/shared";
import type { Services } from "../services";
import type { StaffActor } from "../auth/actor";
import { crisisCases } from "../db/schema";
import { recordAudit, type AuditOrigin } from "../audit/recordAudit";
import { appendCaseEvent } from "./caseEvents";
import { canHandOverCase } from "./casePolicy";
import { writeCase } from "./caseWrite";

/**
 * Closes the case with a reason: the owner or a supervisor. A kept call-back number is erased (it was
 * kept only to follow up); the identity record stays with the case (measure 3: records kept). A new
 * signal from the same student opens a new case.
 */
export async function caseCloser(props: { services: Services; actor: StaffActor; caseId: string; input: CloseCaseBody; origin: AuditOrigin }): Promise<void> {
  const { services, actor, caseId, input, origin } = props;
  await writeCase({ services, actor, caseId, allowed: canHandOverCase }, async (tx, _row, now) => {
    await tx
      .update(crisisCases)
      .set({ status: "closed", closeReason: input.reason, closedAt: now, phoneEnc: null, ownerlessSince: null, nextFollowUpOn: null, updatedAt: now })
      .where(eq(crisisCases.id, caseId));
    await appendCaseEvent(tx, services.cipher, { caseId, kind: "status_changed", actorId: actor.id, at: now, note: input.note, detail: { to: "closed", reason: input.reason } });
    await recordAudit(tx, origin, { action: "case.close", targetType: "crisis_case", targetId: caseId, detail: { reason: input.reason } });
  });
}
