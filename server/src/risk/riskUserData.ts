import { and, eq, inArray, sql } from "drizzle-orm";
import { conversations, hotlineTickets, letters, riskCorpusRows, riskFeedback } from "../db/schema";
import type { AccountDeletionStep } from "../users/accountDeletionSteps";

/** The first part of a feedback's source id: the conversation or letter the words came from. */
const sourceParent = sql<string>`split_part(${riskFeedback.sourceId}, '/', 1)`;

/**
 * Account deletion: counsellors' feedback on the person's chat lines, letters and call-back topics holds a copy of their
 * words (encrypted), and so does a corpus row a supervisor made from it. Both are erased: the words were
 * the person's, and nothing else needs them (the lexicon entries a supervisor wrote from them are staff
 * text and stay). Runs before the hotline and letter steps detach their rows from the account (riskFeature is
 * first in the registry), so the sources can still be found by user id.
 */
export const riskFeedbackDeletionStep: AccountDeletionStep = {
  name: "risk_feedback",
  async run({ tx, userId }) {
    const chats = await tx.select({ id: conversations.id }).from(conversations).where(eq(conversations.userId, userId));
    const written = await tx.select({ id: letters.id }).from(letters).where(eq(letters.userId, userId));
    const calls = await tx.select({ id: hotlineTickets.id }).from(hotlineTickets).where(eq(hotlineTickets.userId, userId));
    const sources: Array<[string, string[]]> = [
      ["chat_message", chats.map((row) => row.id)],
      ["letter_message", written.map((row) => row.id)],
      ["callback_topic", calls.map((row) => row.id)],
    ];
    for (const [kind, parents] of sources) {
      if (parents.length === 0) continue;
      const erased = await tx
        .delete(riskFeedback)
        .where(and(eq(riskFeedback.sourceKind, kind), inArray(sourceParent, parents)))
        .returning({ id: riskFeedback.id });
      if (erased.length > 0) await tx.delete(riskCorpusRows).where(inArray(riskCorpusRows.feedbackId, erased.map((row) => row.id)));
    }
  },
};
