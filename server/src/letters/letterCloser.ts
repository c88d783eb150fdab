import { eq } from "drizzle-orm";
import type { CloseLetterBody, CloseMyLetterBody } from "@xinyuan/shared";
import { letters, mailboxes } from "../db/schema";
import type { Services } from "../services";
import type { StaffActor, UserActor } from "../auth/actor";
import { recordAudit, type AuditOrigin } from "../audit/recordAudit";
import { AppError } from "../http/errors";
import { contactRecorder } from "../contacts/contactRecorder";
import { ownLetter, readableLetter } from "./letterQueries";
import { appendLetterMessage } from "./letterThread";
import { workingDayDue } from "./letterCalendar";

/**
 * A teacher ends a letter with its outcome record (channel 信箱, the same taxonomy and risk levels as
 * calls and chats, so letters count in the same reports). Also records the outcome of a letter the
 * writer already closed. Once per opening: a second close is 409 LETTER_ALREADY_RECORDED.
 */
export async function letterCloser(props: { services: Services; actor: StaffActor; origin: AuditOrigin; letterId: string; input: CloseLetterBody }): Promise<void> {
  const { services, actor } = props;
  const now = services.clock.now();
  await services.db.transaction(async (tx) => {
    const letter = await readableLetter(tx, actor, props.letterId, true);
    if (letter.contactRecordId) throw new AppError(409, "LETTER_ALREADY_RECORDED");
    const record = await contactRecorder({ tx, cipher: services.cipher, origin: props.origin, channel: "mailbox", staffId: actor.id, userId: letter.userId, source: { type: "letter", id: letter.id }, body: props.input.record, now });
    await tx
      .update(letters)
      .set({ status: "closed", closedAt: letter.closedAt ?? now, closedBy: letter.closedBy ?? "staff", contactRecordId: record.id, notifyOpenidEnc: null, updatedAt: now })
      .where(eq(letters.id, letter.id));
    await recordAudit(tx, props.origin, { action: "letter.close", targetType: "letter", targetId: letter.id, detail: { contactRecordId: record.id } });
  });
}

/** The writer ends their letter, with an optional word of thanks in the thread. Idempotent. */
export async function writerLetterCloser(props: { services: Services; actor: UserActor; origin: AuditOrigin; letterId: string; input: CloseMyLetterBody }): Promise<void> {
  const { services, actor } = props;
  const now = services.clock.now();
  await services.db.transaction(async (tx) => {
    const letter = await ownLetter(tx, actor.id, props.letterId, true);
    if (letter.status === "closed") return;
    if (props.input.thanks) await appendLetterMessage(tx, services.cipher, letter, { senderType: "writer", clientMessageId: "closing-thanks", body: props.input.thanks, now });
    await tx.update(letters).set({ status: "closed", closedAt: now, closedBy: "writer", notifyOpenidEnc: null, updatedAt: now }).where(eq(letters.id, letter.id));
    await recordAudit(tx, props.origin, { action: "letter.writer_close", targetType: "letter", targetId: letter.id });
  });
}

/** A teacher re-opens a closed letter: 老师已读 again, a new due date; a later close needs a new record. */
export async function letterReopener(props: { services: Services; actor: StaffActor; origin: AuditOrigin; letterId: string }): Promise<void> {
  const { services, actor } = props;
  const now = services.clock.now();
  await services.db.transaction(async (tx) => {
    const letter = await readableLetter(tx, actor, props.letterId, true);
    if (letter.status !== "closed") throw new AppError(409, "LETTER_NOT_CLOSED");
    const [box] = await tx.select({ days: mailboxes.replyWorkingDays }).from(mailboxes).where(eq(mailboxes.id, letter.handlingMailboxId));
    await tx
      .update(letters)
      .set({ status: "read", closedAt: null, closedBy: null, contactRecordId: null, dueAt: await workingDayDue(tx, now, box?.days ?? 3), dueReminderAt: null, updatedAt: now })
      .where(eq(letters.id, letter.id));
    await recordAudit(tx, props.origin, { action: "letter.reopen", targetType: "letter", targetId: letter.id, detail: { previousRecordId: letter.contactRecordId } });
  });
}

/** A teacher opens a letter: the first opening makes it 老师已读. Every opening is audited (a sensitive read). */
export async function letterOpener(props: { services: Services; actor: StaffActor; origin: AuditOrigin; letterId: string }): Promise<void> {
  const { services, actor } = props;
  const now = services.clock.now();
  await services.db.transaction(async (tx) => {
    const letter = await readableLetter(tx, actor, props.letterId, true);
    if (letter.status === "delivered") await tx.update(letters).set({ status: "read", firstReadAt: letter.firstReadAt ?? now, updatedAt: now }).where(eq(letters.id, letter.id));
    await recordAudit(tx, props.origin, { action: "letter.read", targetType: "letter", targetId: letter.id });
  });
}
