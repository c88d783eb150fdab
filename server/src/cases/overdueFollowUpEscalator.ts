import { and, eq, isNull, lt, ne, or, sql } from "drizzle-orm";
import { crisisCases } from "../db/schema";
import type { Services } from "../services";
import { recordAudit, systemOrigin } from "../audit/recordAudit";
import { raiseAlert } from "../alerts/alertRaiser";
import { countyDateOf } from "../hotline/countyTime";
import { appendCaseEvent } from "./caseEvents";
import { noticeCaseChanged } from "./caseNotices";

/**
 * A follow-up date that passed (county days) with the case still open escalates to supervisors through the
 * alert inbox, once per date (overdue_escalated_for), and reminds the owner. Multi-process safe (SKIP LOCKED).
 * A case without an owner has nobody to remind: the alert is its signal too.
 */
export async function overdueFollowUpEscalator(services: Services): Promise<number> {
  const now = services.clock.now();
  const today = countyDateOf(now);
  const rows = await services.db.transaction(async (tx) => {
    const due = await tx
      .select()
      .from(crisisCases)
      .where(
        and(
          ne(crisisCases.status, "closed"),
          lt(crisisCases.nextFollowUpOn, today),
          or(isNull(crisisCases.overdueEscalatedFor), sql`${crisisCases.overdueEscalatedFor} <> ${crisisCases.nextFollowUpOn}`),
        ),
      )
      .for("update", { skipLocked: true });
    for (const row of due) {
      await raiseAlert({ tx, services, source: { kind: "case", id: row.id }, level: "high", categories: [], subjectAlias: row.subjectAlias, userId: row.userId });
      await tx.update(crisisCases).set({ overdueEscalatedFor: row.nextFollowUpOn }).where(eq(crisisCases.id, row.id));
      await appendCaseEvent(tx, services.cipher, { caseId: row.id, kind: "follow_up_overdue", actorId: null, at: now, detail: { due: row.nextFollowUpOn } });
      await recordAudit(tx, systemOrigin, { action: "case.escalate.overdue", targetType: "crisis_case", targetId: row.id, detail: { due: row.nextFollowUpOn } });
    }
    return due;
  });
  for (const row of rows) noticeCaseChanged(services, row.id, [row.ownerId]);
  return rows.length;
}
