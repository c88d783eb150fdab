import { and, eq, isNull, lt, lte, ne, or } from "drizzle-orm";
import { crisisCases } from "../db/schema";
import type { Services } from "../services";
import { recordAudit, systemOrigin } from "../audit/recordAudit";
import { raiseAlert } from "../alerts/alertRaiser";
import { appendCaseEvent } from "./caseEvents";

/** A 危机 case waits this long for an owner before it escalates. */
export const ownerlessCrisisMinutes = 5;

/**
 * The ownership clock: every 危机 case still without an owner five minutes after it became 危机 raises an
 * alert (source kind "case") once per ownerless spell. Rows are claimed with SKIP LOCKED, so several
 * server processes may run this at once without raising twice.
 */
export async function ownerlessCaseEscalator(services: Services): Promise<number> {
  const now = services.clock.now();
  const cutoff = new Date(now.getTime() - ownerlessCrisisMinutes * 60_000);
  return services.db.transaction(async (tx) => {
    const due = await tx
      .select()
      .from(crisisCases)
      .where(
        and(
          eq(crisisCases.level, "crisis"),
          isNull(crisisCases.ownerId),
          ne(crisisCases.status, "closed"),
          lte(crisisCases.ownerlessSince, cutoff),
          or(isNull(crisisCases.ownerlessEscalatedAt), lt(crisisCases.ownerlessEscalatedAt, crisisCases.ownerlessSince)),
        ),
      )
      .for("update", { skipLocked: true });
    for (const row of due) {
      await raiseAlert({ tx, services, source: { kind: "case", id: row.id }, level: "imminent", categories: [], subjectAlias: row.subjectAlias, userId: row.userId });
      await tx.update(crisisCases).set({ ownerlessEscalatedAt: now }).where(eq(crisisCases.id, row.id));
      const minutes = Math.round((now.getTime() - row.ownerlessSince!.getTime()) / 60_000);
      await appendCaseEvent(tx, services.cipher, { caseId: row.id, kind: "ownerless_escalated", actorId: null, at: now, detail: { minutes } });
      await recordAudit(tx, systemOrigin, { action: "case.escalate.ownerless", targetType: "crisis_case", targetId: row.id, detail: { minutes } });
    }
    return due.length;
  });
}
