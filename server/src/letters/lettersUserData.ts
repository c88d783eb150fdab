import { and, asc, eq, inArray, ne } from "drizzle-orm";
import { letterMessages, letters, mailboxes } from "../db/schema";
import type { AccountDeletionStep } from "../users/accountDeletionSteps";
import { exportSection } from "../users/exportSections";
import { exportTime, labelOf, textOr } from "../users/exportText";
import { letterCategoryLabels, letterStatusLabels } from "@xinyuan/shared";
import { sealed } from "../crypto/sealedColumns";
import type { SealPlace } from "../crypto/fieldCipher";

/**
 * The writer's letters with the whole thread (their words and the teachers' answers). Teachers' internal
 * notes, risk assessments and outcome records are professional records, not part of a self-service export.
 */
export const lettersExportSection = exportSection({
  key: "letters",
  title: "信件（心理信箱）",
  async collect({ db, services, userId }) {
    const rows = await db.select({ letter: letters, mailboxName: mailboxes.name }).from(letters).innerJoin(mailboxes, eq(mailboxes.id, letters.mailboxId)).where(eq(letters.userId, userId)).orderBy(asc(letters.createdAt));
    if (rows.length === 0) return [];
    const lines = await db.select().from(letterMessages).where(inArray(letterMessages.letterId, rows.map((row) => row.letter.id))).orderBy(asc(letterMessages.letterId), asc(letterMessages.seq));
    const decrypt = (value: string | null, place: SealPlace) => (value ? services.cipher.decrypt(value, place) : null);
    return rows.map(({ letter, mailboxName }) => ({
      sentAt: letter.createdAt.toISOString(),
      to: mailboxName,
      subject: decrypt(letter.subjectEnc, sealed.letterSubject.at(letter)),
      body: decrypt(letter.bodyEnc, sealed.letterBody.at(letter)),
      category: letter.category,
      contactPreference: decrypt(letter.contactPreferenceEnc, sealed.letterContactPreference.at(letter)),
      status: letter.status,
      closedAt: letter.closedAt?.toISOString() ?? null,
      messages: lines
        .filter((line) => line.letterId === letter.id)
        .map((line) => ({ seq: line.seq, from: line.senderType === "writer" ? "me" : line.senderType === "staff" ? "teacher" : "system", text: services.cipher.decrypt(line.bodyEnc, sealed.letterMessageBody.at(line)), at: line.createdAt.toISOString() })),
    }));
  },
  render(letters) {
    return letters.flatMap((letter, index) => [
      ...(index > 0 ? [""] : []),
      `${exportTime(letter.sentAt)}  写给：${letter.to}，${labelOf(letterStatusLabels, letter.status)}${letter.closedAt ? `（${exportTime(letter.closedAt)} 结束）` : ""}`,
      `  标题：${textOr(letter.subject)}`,
      ...(letter.category ? [`  类别：${labelOf(letterCategoryLabels, letter.category)}`] : []),
      `  正文：${textOr(letter.body)}`,
      ...(letter.contactPreference ? [`  希望的联系方式：${letter.contactPreference}`] : []),
      ...letter.messages.map((line) => `  ${exportTime(line.at)}  ${line.from === "me" ? "我" : line.from === "teacher" ? "老师" : "系统提示"}：${line.text}`),
    ]);
  },
});

/**
 * Account deletion: open letters are closed (closedBy system), the reminder address and the contact
 * preference erased, and every letter detached from the account with the alias replaced, so nothing links
 * them to the person any more. The letters and their threads stay as counselling records (measure 3),
 * like chats; their outcome records are detached by the hotline step.
 */
export const lettersDeletionStep: AccountDeletionStep = {
  name: "letters",
  async run({ tx, userId, now }) {
    await tx.update(letters).set({ status: "closed", closedAt: now, closedBy: "system", updatedAt: now }).where(and(eq(letters.userId, userId), ne(letters.status, "closed")));
    await tx.update(letters).set({ userId: null, alias: "已注销用户", notifyOpenidEnc: null, contactPreferenceEnc: null, updatedAt: now }).where(eq(letters.userId, userId));
  },
};
