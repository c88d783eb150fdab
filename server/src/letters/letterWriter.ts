import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { LetterTarget, UserRole, WriteLetterBody } from "@xinyuan/shared";
import { appUsers, letters, mailboxes, schools } from "../db/schema";
import type { Services } from "../services";
import type { UserActor } from "../auth/actor";
import { recordAudit, type AuditOrigin } from "../audit/recordAudit";
import { requireCounsellingConsent } from "../users/counsellingConsent";
import { AuthenticationError } from "../http/errors";
import { routeLetter, type MailboxRow } from "./mailboxRouting";
import { workingDayDue } from "./letterCalendar";
import { appendLetterMessage } from "./letterThread";
import { letterRiskMarker } from "./letterRiskMarker";
import type { LetterRow } from "./lettersPolicy";
import { sealed } from "../crypto/sealedColumns";

export const defaultAcknowledgement = "信已经收到了。老师会在工作日认真读你的信，并尽快回复你。如果你现在就很难受，请拨打下面的电话，有人会接听。";

export interface LetterWriterResult {
  letter: LetterRow;
  mailbox: MailboxRow;
  duplicate: boolean;
  acknowledgement: string;
}

async function existingSubmit(services: Services, userId: string, clientSubmitId: string): Promise<LetterRow | undefined> {
  return (await services.db.select().from(letters).where(and(eq(letters.userId, userId), eq(letters.clientSubmitId, clientSubmitId))).limit(1))[0];
}

/**
 * Stores a writer's letter in the box it is routed to (school by default; onward when the school or area
 * has no box), due in the box's working days. Idempotent per (writer, clientSubmitId): the app's outbox
 * resends until it has an answer, and a resend returns the letter already stored. Risk detection runs in
 * the same transaction; the auto-acknowledgement becomes the first (system) line of the thread.
 */
export async function letterWriter(props: { services: Services; actor: UserActor; origin: AuditOrigin; input: WriteLetterBody }): Promise<LetterWriterResult> {
  const { services, actor, input } = props;
  const now = services.clock.now();
  const result = await services.db.transaction(async (tx) => {
    await requireCounsellingConsent(tx, actor);
    const [user] = await tx.select({ alias: appUsers.alias, role: appUsers.role, schoolId: appUsers.schoolId }).from(appUsers).where(eq(appUsers.id, actor.id)).limit(1);
    if (!user) throw AuthenticationError();
    const [again] = await tx.select().from(letters).where(and(eq(letters.userId, actor.id), eq(letters.clientSubmitId, input.clientSubmitId))).limit(1);
    if (again) return { letterId: again.id, duplicate: true };

    const target: LetterTarget = input.target;
    const { mailbox } = await routeLetter(tx, target, user.schoolId);
    const originAreaId = user.schoolId ? ((await tx.select({ areaId: schools.areaId }).from(schools).where(eq(schools.id, user.schoolId)).limit(1))[0]?.areaId ?? null) : null;
    const boxAreaId = mailbox.kind === "school" ? ((await tx.select({ areaId: schools.areaId }).from(schools).where(eq(schools.id, mailbox.schoolId!)).limit(1))[0]?.areaId ?? null) : mailbox.areaId;
    const dueAt = await workingDayDue(tx, now, mailbox.replyWorkingDays);
    const letterId = randomUUID();
    const [letter] = await tx
      .insert(letters)
      .values({
        id: letterId,
        userId: actor.id,
        alias: user.alias,
        writerRole: (user.role as UserRole | null) ?? "student",
        mailboxId: mailbox.id,
        mailboxKind: mailbox.kind,
        boxSchoolId: mailbox.kind === "school" ? mailbox.schoolId : null,
        boxAreaId: mailbox.kind === "county" ? null : boxAreaId,
        handlingMailboxId: mailbox.id,
        handlingMailboxKind: mailbox.kind,
        originSchoolId: user.schoolId,
        originAreaId,
        keepFromSchool: mailbox.kind !== "school" && input.keepFromSchool,
        subjectEnc: services.cipher.encrypt(input.subject, sealed.letterSubject.at({ id: letterId })),
        bodyEnc: services.cipher.encrypt(input.body, sealed.letterBody.at({ id: letterId })),
        category: input.category ?? null,
        contactPreferenceEnc: input.contactPreference ? services.cipher.encrypt(input.contactPreference, sealed.letterContactPreference.at({ id: letterId })) : null,
        dueAt,
        clientSubmitId: input.clientSubmitId,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing()
      .returning();
    // a concurrent resend of the same submit won the insert
    if (!letter) return { letterId: undefined, duplicate: true };
    await appendLetterMessage(tx, services.cipher, letter, { senderType: "system", clientMessageId: "auto-ack", body: mailbox.autoAckText || defaultAcknowledgement, now });
    const risk = await letterRiskMarker({ tx, services, letter, text: `${input.subject}\n${input.body}` });
    await recordAudit(tx, props.origin, { action: "letter.write", targetType: "letter", targetId: letter.id, detail: { mailboxId: mailbox.id, target, risk: risk.level } });
    return { letterId: letter.id, duplicate: false };
  });
  const letter = result.letterId ? (await services.db.select().from(letters).where(eq(letters.id, result.letterId)))[0] : await existingSubmit(services, actor.id, input.clientSubmitId);
  const [mailbox] = await services.db.select().from(mailboxes).where(eq(mailboxes.id, letter!.mailboxId));
  return { letter: letter!, mailbox: mailbox!, duplicate: result.duplicate, acknowledgement: mailbox!.autoAckText || defaultAcknowledgement };
}
