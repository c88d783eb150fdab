import { and, eq } from "drizzle-orm";
import type { UpdateReferralBody } from "@xinyuan/shared";
import type { Services } from "../services";
import type { StaffActor } from "../auth/actor";
import { caseReferrals, referralInstitutions } from "../db/schema";
import { recordAudit, type AuditOrigin } from "../audit/recordAudit";
import { AppError } from "../http/errors";
import { appendCaseEvent } from "./caseEvents";
import { canActOnCase } from "./casePolicy";
import { writeCase } from "./caseWrite";
import { sealed } from "../crypto/sealedColumns";

/** Moves a referral along (sent, accepted, declined, completed) and keeps the institution's feedback, encrypted. */
export async function referralUpdater(props: { services: Services; actor: StaffActor; caseId: string; referralId: string; input: UpdateReferralBody; origin: AuditOrigin }): Promise<void> {
  const { services, actor, caseId, referralId, input, origin } = props;
  await writeCase({ services, actor, caseId, allowed: canActOnCase }, async (tx, _row, now) => {
    const [found] = await tx
      .select({ referral: caseReferrals, name: referralInstitutions.name })
      .from(caseReferrals)
      .innerJoin(referralInstitutions, eq(referralInstitutions.id, caseReferrals.institutionId))
      .where(and(eq(caseReferrals.id, referralId), eq(caseReferrals.caseId, caseId)))
      .limit(1);
    if (!found) throw new AppError(404, "CASE_REFERRAL_NOT_FOUND");
    await tx
      .update(caseReferrals)
      .set({ state: input.state, ...(input.feedback !== undefined ? { feedbackEnc: input.feedback ? services.cipher.encrypt(input.feedback, sealed.caseReferralFeedback.at({ id: referralId })) : null } : {}), updatedAt: now })
      .where(eq(caseReferrals.id, referralId));
    await appendCaseEvent(tx, services.cipher, { caseId, kind: "referral_updated", actorId: actor.id, at: now, note: input.feedback, detail: { institution: found.name, from: found.referral.state, to: input.state } });
    await recordAudit(tx, origin, { action: "case.referral.update", targetType: "crisis_case", targetId: caseId, detail: { referralId, state: input.state } });
  });
}
