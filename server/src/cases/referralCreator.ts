import { and, eq } from "drizzle-orm";
import type { CreateReferralBody } from "@xinyuan/shared";
import type { Services } from "../services";
import type { StaffActor } from "../auth/actor";
import { caseReferrals, crisisCases, referralInstitutions } from "../db/schema";
import { recordAudit, type AuditOrigin } from "../audit/recordAudit";
import { AppError } from "../http/errors";
import { appendCaseEvent } from "./caseEvents";
import { canActOnCase } from "./casePolicy";
import { writeCase } from "./caseWrite";

/** Refers the case (转介) to an active institution of the centre's directory; the case is "referred". */
export async function referralCreator(props: { services: Services; actor: StaffActor; caseId: string; input: CreateReferralBody; origin: AuditOrigin }): Promise<{ id: string }> {
  const { services, actor, caseId, input, origin } = props;
  return writeCase({ services, actor, caseId, allowed: canActOnCase }, async (tx, _row, now) => {
    const [institution] = await tx.select().from(referralInstitutions).where(and(eq(referralInstitutions.id, input.institutionId), eq(referralInstitutions.active, true))).limit(1);
    if (!institution) throw new AppError(404, "CASE_INSTITUTION_NOT_FOUND");
    const [referral] = await tx.insert(caseReferrals).values({ caseId, institutionId: institution.id, state: "proposed", createdBy: actor.id, createdAt: now, updatedAt: now }).returning({ id: caseReferrals.id });
    await tx.update(crisisCases).set({ status: "referred", updatedAt: now }).where(eq(crisisCases.id, caseId));
    await appendCaseEvent(tx, services.cipher, { caseId, kind: "referral_created", actorId: actor.id, at: now, note: input.note, detail: { institution: institution.name, referralId: referral!.id } });
    await recordAudit(tx, origin, { action: "case.referral.create", targetType: "crisis_case", targetId: caseId, detail: { institutionId: institution.id } });
    return { id: referral!.id };
  });
}
