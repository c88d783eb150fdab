import { and, eq, notInArray } from "drizzle-orm";
import type { CaseTeamBody } from "@xinyuan/shared";
import type { Services } from "../services";
import type { StaffActor } from "../auth/actor";
import { caseTeamMembers, crisisCases } from "../db/schema";
import { recordAudit, type AuditOrigin } from "../audit/recordAudit";
import { appendCaseEvent } from "./caseEvents";
import { canHandOverCase } from "./casePolicy";
import { writeCase } from "./caseWrite";
import { requireCaseWorker } from "./caseTransferer";
import { noticeCaseChanged } from "./caseNotices";

/** Sets the team (多对一 when it has more than the owner). The owner always stays on it. */
export async function caseTeamSetter(props: { services: Services; actor: StaffActor; caseId: string; input: CaseTeamBody; origin: AuditOrigin }): Promise<void> {
  const { services, actor, caseId, input, origin } = props;
  const wanted = await writeCase({ services, actor, caseId, allowed: canHandOverCase }, async (tx, row, now) => {
    const ids = [...new Set([...input.staffIds, ...(row.ownerId ? [row.ownerId] : [])])];
    for (const id of ids) if (!row.teamIds.includes(id)) await requireCaseWorker(tx, id, row);
    if (ids.length > 0) await tx.delete(caseTeamMembers).where(and(eq(caseTeamMembers.caseId, caseId), notInArray(caseTeamMembers.staffId, ids)));
    else await tx.delete(caseTeamMembers).where(eq(caseTeamMembers.caseId, caseId));
    if (ids.length > 0) await tx.insert(caseTeamMembers).values(ids.map((staffId) => ({ caseId, staffId, addedAt: now }))).onConflictDoNothing();
    await tx.update(crisisCases).set({ teamMode: ids.length > 1 ? "many_to_one" : "one_to_one", updatedAt: now }).where(eq(crisisCases.id, caseId));
    await appendCaseEvent(tx, services.cipher, { caseId, kind: "team_changed", actorId: actor.id, at: now, detail: { staffIds: ids } });
    await recordAudit(tx, origin, { action: "case.team", targetType: "crisis_case", targetId: caseId, detail: { staffIds: ids } });
    return ids;
  });
  noticeCaseChanged(services, caseId, wanted);
}
