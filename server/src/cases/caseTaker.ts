import { eq } from "drizzle-orm";
import type { Services } from "../services";
import type { StaffActor } from "../auth/actor";
import { caseTeamMembers, crisisCases } from "../db/schema";
import { recordAudit, type AuditOrigin } from "../audit/recordAudit";
import { AppError } from "../http/errors";
import { appendCaseEvent } from "./caseEvents";
import { canTakeCase } from "./casePolicy";
import { writeCase } from "./caseWrite";

/** The actor becomes the owner of an unowned case (the row lock makes two takes race safely: one wins, one gets 409). */
export async function caseTaker(props: { services: Services; actor: StaffActor; caseId: string; origin: AuditOrigin }): Promise<void> {
  const { services, actor, caseId, origin } = props;
  await writeCase({ services, actor, caseId, allowed: canTakeCase }, async (tx, row, now) => {
    if (row.ownerId !== null) throw new AppError(409, "CASE_ALREADY_OWNED");
    await tx
      .update(crisisCases)
      .set({ ownerId: actor.id, ownerlessSince: null, status: row.status === "open" ? "following_up" : row.status, updatedAt: now })
      .where(eq(crisisCases.id, caseId));
    await tx.insert(caseTeamMembers).values({ caseId, staffId: actor.id, addedAt: now }).onConflictDoNothing();
    await appendCaseEvent(tx, services.cipher, { caseId, kind: "taken", actorId: actor.id, at: now });
    await recordAudit(tx, origin, { action: "case.take", targetType: "crisis_case", targetId: caseId });
  });
}
