import { and, eq, inArray, isNull, lt, ne, sql } from "drizzle-orm";
import { letterEscalations, letters, mailboxMembers, mailboxes } from "../db/schema";
import type { Services } from "../services";
import { recordAudit, systemOrigin } from "../audit/recordAudit";
import { mailboxAbove } from "./mailboxRouting";
import { workingDayDue } from "./letterCalendar";

/** Letters still waiting for a teacher's answer. */
const awaitingAnswer = inArray(letters.status, ["delivered", "read"]);

/**
 * Overdue letters move up: a school box's to its area's teachers, then to the county centre, each with a
 * new due date in the new box's working days, recorded (letter_escalations + audit). Safe with several
 * processes: rows are taken with FOR UPDATE SKIP LOCKED and re-checked under the lock. Returns how many moved.
 */
export async function letterEscalator(services: Services): Promise<number> {
  const now = services.clock.now();
  return services.db.transaction(async (tx) => {
    const due = await tx
      .select()
      .from(letters)
      .where(and(awaitingAnswer, lt(letters.dueAt, now), ne(letters.handlingMailboxKind, "county")))
      .orderBy(letters.dueAt)
      .limit(50)
      .for("update", { skipLocked: true });
    let moved = 0;
    for (const letter of due) {
      const [current] = await tx.select().from(mailboxes).where(eq(mailboxes.id, letter.handlingMailboxId));
      const above = current && (await mailboxAbove(tx, current, letter.boxAreaId ?? letter.originAreaId));
      if (!current || !above) continue;
      const level = above.kind === "county" ? 2 : 1;
      await tx
        .update(letters)
        .set({ handlingMailboxId: above.id, handlingMailboxKind: above.kind, escalationLevel: level, dueAt: await workingDayDue(tx, now, above.replyWorkingDays), dueReminderAt: null, updatedAt: now })
        .where(eq(letters.id, letter.id));
      await tx.insert(letterEscalations).values({ letterId: letter.id, fromMailboxId: current.id, toMailboxId: above.id, level, reason: "overdue", at: now });
      await recordAudit(tx, systemOrigin, { action: "letter.escalate", targetType: "letter", targetId: letter.id, detail: { from: current.id, to: above.id, level } });
      moved += 1;
      notifyBox(services, above.id, letter.id, "escalated");
    }
    return moved;
  });
}

/** Tells the box's members' admin screens (room staff-<id>) that a letter needs them; the admin refetches. */
function notifyBox(services: Services, mailboxId: string, letterId: string, reason: "escalated" | "due_soon"): void {
  void services.db
    .select({ staffId: mailboxMembers.staffId })
    .from(mailboxMembers)
    .where(eq(mailboxMembers.mailboxId, mailboxId))
    .then((rows) => {
      for (const row of rows) services.realtime.emit(`staff-${row.staffId}`, "letters:attention", { letterId, reason });
    })
    .catch((error: unknown) => services.log.warn({ err: error }, "letter notice not sent"));
}

/** How long before the due time the handling box is reminded. */
export const dueReminderLeadMs = 24 * 3600_000;

/**
 * Reminds the handling box of letters due within a day, once per due date (due_reminder_at), recorded in
 * the audit log. SKIP LOCKED like the escalator, so two processes never remind twice.
 */
export async function letterDueReminder(services: Services): Promise<number> {
  const now = services.clock.now();
  const soon = new Date(now.getTime() + dueReminderLeadMs);
  return services.db.transaction(async (tx) => {
    const rows = await tx
      .select({ id: letters.id, handlingMailboxId: letters.handlingMailboxId })
      .from(letters)
      .where(and(awaitingAnswer, isNull(letters.dueReminderAt), lt(letters.dueAt, soon), sql`${letters.dueAt} >= ${now}`))
      .limit(100)
      .for("update", { skipLocked: true });
    for (const row of rows) {
      await tx.update(letters).set({ dueReminderAt: now }).where(eq(letters.id, row.id));
      await recordAudit(tx, systemOrigin, { action: "letter.due_reminder", targetType: "letter", targetId: row.id, detail: { mailboxId: row.handlingMailboxId } });
      notifyBox(services, row.handlingMailboxId, row.id, "due_soon");
    }
    return rows.length;
  });
}
