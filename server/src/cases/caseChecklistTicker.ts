import { and, eq } from "drizzle-orm";
import type { TickChecklistBody } from "@xinyuan/shared";
import type { Services } from "../services";
import type { StaffActor } from "../auth/actor";
import { caseChecklistItems, caseChecklistTicks } from "../db/schema";
import { recordAudit, type AuditOrigin } from "../audit/recordAudit";
import { AppError } from "../http/errors";
import { appendCaseEvent } from "./caseEvents";
import { canActOnCase } from "./casePolicy";
import { writeCase } from "./caseWrite";

/** Ticks (or unticks) an item of the centre's emergency checklist for the case's level. Idempotent. */
export async function caseChecklistTicker(props: { services: Services; actor: StaffActor; caseId: string; input: TickChecklistBody; origin: AuditOrigin }): Promise<void> {
  const { services, actor, caseId, input, origin } = props;
  await writeCase({ services, actor, caseId, allowed: canActOnCase }, async (tx, row, now) => {
    const [item] = await tx.select().from(caseChecklistItems).where(and(eq(caseChecklistItems.id, input.itemId), eq(caseChecklistItems.level, row.level))).limit(1);
    if (!item) throw new AppError(404, "CASE_CHECKLIST_ITEM_NOT_FOUND");
    const changed = input.ticked
      ? await tx.insert(caseChecklistTicks).values({ caseId, itemId: item.id, tickedBy: actor.id, tickedAt: now }).onConflictDoNothing().returning()
      : await tx.delete(caseChecklistTicks).where(and(eq(caseChecklistTicks.caseId, caseId), eq(caseChecklistTicks.itemId, item.id))).returning();
    if (changed.length === 0) return;
    await appendCaseEvent(tx, services.cipher, { caseId, kind: "checklist_ticked", actorId: actor.id, at: now, detail: { item: item.label, ticked: input.ticked } });
    await recordAudit(tx, origin, { action: "case.checklist", targetType: "crisis_case", targetId: caseId, detail: { itemId: item.id, ticked: input.ticked } });
  });
}
