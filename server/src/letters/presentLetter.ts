import { inArray } from "drizzle-orm";
import { letterAwaitsReply, letterStatusLabels, type LetterCategory, type LetterStatus, type LetterTarget, type MyLetterView, type RiskLevel, type RiskSignalCategory, type StaffLetterView } from "@xinyuan/shared";
import { mailboxes, schools, staff } from "../db/schema";
import type { DbOrTx } from "../db/database";
import type { FieldCipher } from "../crypto/fieldCipher";
import type { LetterRow } from "./lettersPolicy";
import type { LetterMessageRow } from "./letterThread";
import { sealed } from "../crypto/sealedColumns";

/** The writer's view: their own words, the box's name and status; never a teacher's name. */
export function presentMyLetter(cipher: FieldCipher, letter: LetterRow, mailboxName: string, thread?: LetterMessageRow[]): MyLetterView {
  const status = letter.status as LetterStatus;
  return {
    id: letter.id,
    target: letter.mailboxKind as LetterTarget,
    mailboxName,
    subject: cipher.decrypt(letter.subjectEnc, sealed.letterSubject.at(letter)),
    body: cipher.decrypt(letter.bodyEnc, sealed.letterBody.at(letter)),
    category: letter.category as LetterCategory | null,
    status,
    statusLabel: letterStatusLabels[status],
    replyReminder: letter.notifyOpenidEnc !== null,
    createdAt: letter.createdAt.toISOString(),
    ...(thread
      ? { messages: thread.map((line) => ({ seq: line.seq, from: line.senderType === "writer" ? ("me" as const) : line.senderType === "staff" ? ("teacher" as const) : ("system" as const), body: cipher.decrypt(line.bodyEnc, sealed.letterMessageBody.at(line)), at: line.createdAt.toISOString() })) }
      : {}),
  };
}

/** Names of mailboxes, schools and staff the staff views mention, in three queries. */
export async function letterNames(db: DbOrTx, rows: LetterRow[], thread: LetterMessageRow[] = []) {
  const boxIds = [...new Set(rows.flatMap((row) => [row.mailboxId, row.handlingMailboxId]))];
  const schoolIds = [...new Set(rows.map((row) => row.originSchoolId).filter((id): id is string => id !== null))];
  const staffIds = [...new Set([...rows.map((row) => row.assignedStaffId), ...thread.map((line) => line.staffId)].filter((id): id is string => id !== null))];
  const boxes = boxIds.length ? await db.select({ id: mailboxes.id, name: mailboxes.name }).from(mailboxes).where(inArray(mailboxes.id, boxIds)) : [];
  const schoolRows = schoolIds.length ? await db.select({ id: schools.id, name: schools.name }).from(schools).where(inArray(schools.id, schoolIds)) : [];
  const staffRows = staffIds.length ? await db.select({ id: staff.id, name: staff.displayName }).from(staff).where(inArray(staff.id, staffIds)) : [];
  return {
    box: new Map(boxes.map((row) => [row.id, row.name])),
    school: new Map(schoolRows.map((row) => [row.id, row.name])),
    staff: new Map(staffRows.map((row) => [row.id, row.name])),
  };
}

export type LetterNames = Awaited<ReturnType<typeof letterNames>>;

/**
 * A teacher's view: the writer's alias (never an identity), the boxes, risk and due date. The body,
 * contact preference and thread only in the detail (`thread` given). A letter kept from the school does
 * not name the writer's school.
 */
export function presentStaffLetter(cipher: FieldCipher, letter: LetterRow, names: LetterNames, now: Date, thread?: LetterMessageRow[]): StaffLetterView {
  const status = letter.status as LetterStatus;
  return {
    id: letter.id,
    alias: letter.alias,
    writerRole: letter.writerRole as "student" | "parent",
    mailboxId: letter.mailboxId,
    mailboxName: names.box.get(letter.mailboxId) ?? "",
    handlingMailboxId: letter.handlingMailboxId,
    handlingMailboxName: names.box.get(letter.handlingMailboxId) ?? "",
    escalationLevel: letter.escalationLevel,
    keepFromSchool: letter.keepFromSchool,
    originSchoolName: letter.originSchoolId ? (names.school.get(letter.originSchoolId) ?? null) : null,
    subject: cipher.decrypt(letter.subjectEnc, sealed.letterSubject.at(letter)),
    category: letter.category as LetterCategory | null,
    status,
    dueAt: letter.dueAt.toISOString(),
    overdue: letterAwaitsReply(status) && letter.dueAt < now,
    urgent: letter.urgent,
    riskLevel: letter.riskLevel as RiskLevel,
    riskCategories: letter.riskCategories as RiskSignalCategory[],
    assignedStaffId: letter.assignedStaffId,
    assignedStaffName: letter.assignedStaffId ? (names.staff.get(letter.assignedStaffId) ?? null) : null,
    contactRecordId: letter.contactRecordId,
    createdAt: letter.createdAt.toISOString(),
    ...(thread
      ? {
          body: cipher.decrypt(letter.bodyEnc, sealed.letterBody.at(letter)),
          contactPreference: letter.contactPreferenceEnc ? cipher.decrypt(letter.contactPreferenceEnc, sealed.letterContactPreference.at(letter)) : null,
          messages: thread.map((line) => ({
            seq: line.seq,
            from: line.senderType as "writer" | "staff" | "system",
            staffName: line.staffId ? (names.staff.get(line.staffId) ?? null) : null,
            body: cipher.decrypt(line.bodyEnc, sealed.letterMessageBody.at(line)),
            riskLevel: line.riskLevel as RiskLevel | null,
            at: line.createdAt.toISOString(),
          })),
        }
      : {}),
  };
}
