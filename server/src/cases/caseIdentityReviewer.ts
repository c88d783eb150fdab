import { eq } from "drizzle-orm";
import type { ReviewIdentityBody } from "@xinyuan/shared";
import type { Services } from "../services";
import type { StaffActor } from "../auth/actor";
import { caseIdentities } from "../db/schema";
import { recordAudit, type AuditOrigin } from "../audit/recordAudit";
import { AppError } from "../http/errors";
import { appendCaseEvent } from "./caseEvents";
import { canReviewCaseIdentity } from "./casePolicy";
import { writeCase } from "./caseWrite";

/**
 * A second person (a supervisor in scope, never the recorder) approves or rejects a pending identity
 * record. Rejection erases the encrypted identity; the timeline keeps that it happened and why.
 */
export async function caseIdentityReviewer(props: { services: Services; actor: StaffActor; caseId: string; input: ReviewIdentityBody; origin: AuditOrigin }): Promise<void> {
  const { services, actor, caseId, input, origin } = props;
  await writeCase({ services, actor, caseId, allowed: canReviewCaseIdentity, allowClosed: true }, async (tx, _row, now) => {
    const [identity] = await tx.select().from(caseIdentities).where(eq(caseIdentities.caseId, caseId)).for("update").limit(1);
    if (!identity || identity.state !== "pending") throw new AppError(404, "CASE_IDENTITY_NOT_FOUND");
    if (identity.recordedBy === actor.id) throw new AppError(403, "CASE_IDENTITY_SELF_REVIEW");
    await tx
      .update(caseIdentities)
      .set({ state: input.approve ? "approved" : "rejected", reviewedBy: actor.id, reviewedAt: now, ...(input.approve ? {} : { personEnc: null }) })
      .where(eq(caseIdentities.id, identity.id));
    await appendCaseEvent(tx, services.cipher, { caseId, kind: input.approve ? "identity_approved" : "identity_rejected", actorId: actor.id, at: now, note: input.note });
    await recordAudit(tx, origin, { action: input.approve ? "case.identity.approve" : "case.identity.reject", targetType: "crisis_case", targetId: caseId, detail: { identityId: identity.id } });
  });
}
