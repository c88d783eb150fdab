import { and, eq, inArray, isNotNull, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import type { RetentionKind } from "@xinyuan/shared";
import { bookings, chatMessages, chatNotes, chatTransfers, contactRecords, conversations, hotlineTickets, letterMessages, letterNotes, letters, riskCorpusRows, riskFeedback } from "../db/schema";
import type { DbOrTx } from "../db/database";
import type { FieldCipher } from "../crypto/fieldCipher";
import { sealed } from "../crypto/sealedColumns";

/** What an erased text reads as, sealed to its row like any text, so every reader keeps working. */
export const erasedText = "（此内容已超过保存期限，已按规定清除）";

/** How many parent records one transaction erases; the sweep loops until nothing is left. */
const batchSize = 100;

/**
 * Never erase what an open crisis case needs: any record of a student who has an open case, and any record
 * an open case links to (by the record's own id or the chat/call it came from).
 */
function notUnderOpenCase(userColumn: SQL | unknown, idColumns: Array<SQL | unknown>): SQL {
  const ids = sql.join(idColumns.map((column) => sql`${column}`), sql`, `);
  return sql`NOT EXISTS (SELECT 1 FROM crisis_cases rc WHERE rc.status <> 'closed' AND rc.user_id = ${userColumn})
    AND NOT EXISTS (SELECT 1 FROM case_links rl JOIN crisis_cases rlc ON rlc.id = rl.case_id WHERE rlc.status <> 'closed' AND rl.target_id IN (${ids}))`;
}

export interface RetentionSweep {
  /** How many records are past the period now (the dry run's figure; no text read). */
  count(db: DbOrTx, cutoff: Date): Promise<number>;
  /** Erases one batch; returns how many records it erased (0: done). */
  eraseBatch(props: { tx: DbOrTx; cipher: FieldCipher; cutoff: Date; now: Date }): Promise<number>;
}

const countOf = async (db: DbOrTx, table: Parameters<ReturnType<DbOrTx["select"]>["from"]>[0], where: SQL | undefined): Promise<number> => {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(table).where(where);
  return Number(row?.n ?? 0);
};

const chatsDue = (cutoff: Date) =>
  and(eq(conversations.status, "closed"), lt(conversations.closedAt, cutoff), isNull(conversations.contentErasedAt), notUnderOpenCase(conversations.userId, [conversations.id]));

const lettersDue = (cutoff: Date) =>
  and(eq(letters.status, "closed"), lt(letters.closedAt, cutoff), isNull(letters.contentErasedAt), notUnderOpenCase(letters.userId, [letters.id]));

const summariesDue = (cutoff: Date) =>
  and(isNotNull(contactRecords.summaryEnc), lt(contactRecords.recordedAt, cutoff), isNull(contactRecords.contentErasedAt), notUnderOpenCase(contactRecords.userId, [contactRecords.id, contactRecords.sourceId]));

const topicsDue = (cutoff: Date) =>
  and(
    lt(hotlineTickets.closedAt, cutoff),
    or(isNotNull(hotlineTickets.phoneEnc), isNotNull(hotlineTickets.topicEnc), isNotNull(hotlineTickets.notifyOpenidEnc)),
    notUnderOpenCase(hotlineTickets.userId, [hotlineTickets.id]),
  );

const feedbackDue = (cutoff: Date) =>
  and(sql`${riskFeedback.status} <> 'open'`, lt(sql`coalesce(${riskFeedback.resolvedAt}, ${riskFeedback.createdAt})`, cutoff), isNull(riskFeedback.contentErasedAt));

const corpusDue = (cutoff: Date) => and(isNotNull(riskCorpusRows.feedbackId), lt(riskCorpusRows.createdAt, cutoff));

const notesDue = (cutoff: Date) =>
  and(
    isNotNull(bookings.noteEnc),
    lt(bookings.createdAt, cutoff),
    sql`${bookings.status} NOT IN ('awaiting_payment', 'confirmed', 'paid')`,
    isNull(bookings.contentErasedAt),
    notUnderOpenCase(bookings.userId, [bookings.id]),
  );

/**
 * One sweep per kind. Each erases text and keeps the row with every figure the statistics read (times,
 * statuses, risk levels, ratings, the staff reply times of letters), so statistics are unchanged.
 */
export const retentionSweeps: Record<RetentionKind, RetentionSweep> = {
  chats: {
    count: (db, cutoff) => countOf(db, conversations, chatsDue(cutoff)),
    async eraseBatch({ tx, cipher, cutoff, now }) {
      const due = await tx.select({ id: conversations.id }).from(conversations).where(chatsDue(cutoff)).limit(batchSize).for("update", { skipLocked: true });
      if (due.length === 0) return 0;
      const ids = due.map((row) => row.id);
      const messages = await tx.select({ id: chatMessages.id, conversationId: chatMessages.conversationId, seq: chatMessages.seq }).from(chatMessages).where(inArray(chatMessages.conversationId, ids));
      for (const message of messages) await tx.update(chatMessages).set({ bodyEnc: cipher.encrypt(erasedText, sealed.chatMessageBody.at(message)) }).where(eq(chatMessages.id, message.id));
      const notes = await tx.select({ id: chatNotes.id }).from(chatNotes).where(inArray(chatNotes.conversationId, ids));
      for (const note of notes) await tx.update(chatNotes).set({ bodyEnc: cipher.encrypt(erasedText, sealed.chatNoteBody.at(note)) }).where(eq(chatNotes.id, note.id));
      await tx.update(chatTransfers).set({ noteEnc: null }).where(inArray(chatTransfers.conversationId, ids));
      await tx.update(conversations).set({ ratingCommentEnc: null, notifyOpenidEnc: null, contentErasedAt: now }).where(inArray(conversations.id, ids));
      return ids.length;
    },
  },
  letters: {
    count: (db, cutoff) => countOf(db, letters, lettersDue(cutoff)),
    async eraseBatch({ tx, cipher, cutoff, now }) {
      const due = await tx.select({ id: letters.id }).from(letters).where(lettersDue(cutoff)).limit(batchSize).for("update", { skipLocked: true });
      if (due.length === 0) return 0;
      const ids = due.map((row) => row.id);
      for (const letter of due) {
        await tx
          .update(letters)
          .set({
            subjectEnc: cipher.encrypt(erasedText, sealed.letterSubject.at(letter)),
            bodyEnc: cipher.encrypt(erasedText, sealed.letterBody.at(letter)),
            contactPreferenceEnc: null,
            notifyOpenidEnc: null,
            contentErasedAt: now,
          })
          .where(eq(letters.id, letter.id));
      }
      const messages = await tx.select({ id: letterMessages.id, letterId: letterMessages.letterId, seq: letterMessages.seq }).from(letterMessages).where(inArray(letterMessages.letterId, ids));
      for (const message of messages) await tx.update(letterMessages).set({ bodyEnc: cipher.encrypt(erasedText, sealed.letterMessageBody.at(message)) }).where(eq(letterMessages.id, message.id));
      const notes = await tx.select({ id: letterNotes.id }).from(letterNotes).where(inArray(letterNotes.letterId, ids));
      for (const note of notes) await tx.update(letterNotes).set({ bodyEnc: cipher.encrypt(erasedText, sealed.letterNoteBody.at(note)) }).where(eq(letterNotes.id, note.id));
      return ids.length;
    },
  },
  contactSummaries: {
    count: (db, cutoff) => countOf(db, contactRecords, summariesDue(cutoff)),
    async eraseBatch({ tx, cutoff, now }) {
      const due = await tx.select({ id: contactRecords.id }).from(contactRecords).where(summariesDue(cutoff)).limit(batchSize).for("update", { skipLocked: true });
      if (due.length === 0) return 0;
      // summary_enc is not among the columns the statistics rollup trigger follows: the rollup is untouched.
      await tx.update(contactRecords).set({ summaryEnc: null, contentErasedAt: now }).where(inArray(contactRecords.id, due.map((row) => row.id)));
      return due.length;
    },
  },
  callbackTopics: {
    count: (db, cutoff) => countOf(db, hotlineTickets, topicsDue(cutoff)),
    async eraseBatch({ tx, cutoff }) {
      const due = await tx.select({ id: hotlineTickets.id }).from(hotlineTickets).where(topicsDue(cutoff)).limit(batchSize).for("update", { skipLocked: true });
      if (due.length === 0) return 0;
      await tx.update(hotlineTickets).set({ phoneEnc: null, topicEnc: null, notifyOpenidEnc: null }).where(inArray(hotlineTickets.id, due.map((row) => row.id)));
      return due.length;
    },
  },
  riskFeedback: {
    count: async (db, cutoff) => (await countOf(db, riskFeedback, feedbackDue(cutoff))) + (await countOf(db, riskCorpusRows, corpusDue(cutoff))),
    async eraseBatch({ tx, cipher, cutoff, now }) {
      const due = await tx.select({ id: riskFeedback.id }).from(riskFeedback).where(feedbackDue(cutoff)).limit(batchSize).for("update", { skipLocked: true });
      for (const row of due) {
        await tx.update(riskFeedback).set({ textEnc: cipher.encrypt(erasedText, sealed.riskFeedbackText.at(row)), comment: "", contentErasedAt: now }).where(eq(riskFeedback.id, row.id));
      }
      // Corpus rows added from feedback are the words themselves: they go (the evaluations saved with
      // lexicon versions keep their figures).
      const corpus = await tx.select({ id: riskCorpusRows.id }).from(riskCorpusRows).where(corpusDue(cutoff)).limit(batchSize).for("update", { skipLocked: true });
      if (corpus.length > 0) await tx.delete(riskCorpusRows).where(inArray(riskCorpusRows.id, corpus.map((row) => row.id)));
      return due.length + corpus.length;
    },
  },
  appointmentNotes: {
    count: (db, cutoff) => countOf(db, bookings, notesDue(cutoff)),
    async eraseBatch({ tx, cutoff, now }) {
      const due = await tx.select({ id: bookings.id }).from(bookings).where(notesDue(cutoff)).limit(batchSize).for("update", { skipLocked: true });
      if (due.length === 0) return 0;
      await tx.update(bookings).set({ noteEnc: null, contentErasedAt: now }).where(inArray(bookings.id, due.map((row) => row.id)));
      return due.length;
    },
  },
};
