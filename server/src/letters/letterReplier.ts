import { eq } from "drizzle-orm";
import type { LetterReplyBody } from "@xinyuan/shared";
import { letters } from "../db/schema";
import type { Services } from "../services";
import type { StaffActor, UserActor } from "../auth/actor";
import { recordAudit, type AuditOrigin } from "../audit/recordAudit";
import { AppError } from "../http/errors";
import { readableLetter, ownLetter } from "./letterQueries";
import { appendLetterMessage } from "./letterThread";
import { letterRiskMarker } from "./letterRiskMarker";
import { workingDayDue } from "./letterCalendar";
import { sendLetterReplyReminder } from "./letterReplyNotifier";
import { mailboxes } from "../db/schema";

/**
 * A teacher answers a letter they may read: the reply joins the thread, the letter is 已回复 and, when
 * nobody held it, assigned to the teacher who answered. Idempotent per clientMessageId. After the commit
 * the writer's armed WeChat reminder (if any) goes, once.
 */
export async function letterReplier(props: { services: Services; actor: StaffActor; origin: AuditOrigin; letterId: string; input: LetterReplyBody }): Promise<void> {
  const { services, actor, input } = props;
  const now = services.clock.now();
  const sent = await services.db.transaction(async (tx) => {
    const letter = await readableLetter(tx, actor, props.letterId, true);
    if (letter.status === "closed") throw new AppError(409, "LETTER_CLOSED");
    const { duplicate } = await appendLetterMessage(tx, services.cipher, letter, { senderType: "staff", staffId: actor.id, clientMessageId: input.clientMessageId, body: input.body, now });
    if (duplicate) return false;
    await tx
      .update(letters)
      .set({ status: "replied", repliedAt: now, firstReadAt: letter.firstReadAt ?? now, assignedStaffId: letter.assignedStaffId ?? actor.id, dueReminderAt: null, updatedAt: now })
      .where(eq(letters.id, letter.id));
    await recordAudit(tx, props.origin, { action: "letter.reply", targetType: "letter", targetId: letter.id });
    return true;
  });
  if (sent) await sendLetterReplyReminder(services, props.letterId);
}

/**
 * The writer answers in their letter's thread. Risk detection runs on it. A letter that had been
 * answered needs an answer again: back to 已送达 with a new due date in the handling box's working days.
 */
export async function writerReplier(props: { services: Services; actor: UserActor; origin: AuditOrigin; letterId: string; input: LetterReplyBody }): Promise<void> {
  const { services, actor, input } = props;
  const now = services.clock.now();
  await services.db.transaction(async (tx) => {
    const letter = await ownLetter(tx, actor.id, props.letterId, true);
    if (letter.status === "closed") throw new AppError(409, "LETTER_CLOSED");
    const risk = await letterRiskMarker({ tx, services, letter, text: input.body });
    const { duplicate } = await appendLetterMessage(tx, services.cipher, letter, { senderType: "writer", clientMessageId: input.clientMessageId, body: input.body, riskLevel: risk.level, now });
    if (duplicate) return;
    if (letter.status === "replied") {
      const [box] = await tx.select({ days: mailboxes.replyWorkingDays }).from(mailboxes).where(eq(mailboxes.id, letter.handlingMailboxId));
      await tx.update(letters).set({ status: "delivered", dueAt: await workingDayDue(tx, now, box?.days ?? 3), dueReminderAt: null, updatedAt: now }).where(eq(letters.id, letter.id));
    } else {
      await tx.update(letters).set({ updatedAt: now }).where(eq(letters.id, letter.id));
    }
    await recordAudit(tx, props.origin, { action: "letter.writer_reply", targetType: "letter", targetId: letter.id, detail: { risk: risk.level } });
  });
}
