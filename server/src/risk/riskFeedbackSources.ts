import { and, eq } from "drizzle-orm";
import { riskLevels, type giveRiskFeedbackBody, type RiskFeedbackSourceKind } from "@xinyuan/shared";
import type { z } from "zod";
import type { DbOrTx } from "../db/database";
import { chatMessages, hotlineTickets, letterMessages, riskAlerts } from "../db/schema";
import type { StaffActor } from "../auth/actor";
import { AppError } from "../http/errors";
import { findConversation } from "../chat/conversationQueries";
import { staffChatAccess } from "../chat/chatPolicy";
import { findLetter, memberMailboxIds } from "../letters/letterQueries";
import { canReadLetter } from "../letters/lettersPolicy";
import { sealed } from "../crypto/sealedColumns";
import type { SealPlace } from "../crypto/fieldCipher";
import { loadCase } from "../cases/caseQueries";
import { canReadCaseSources } from "../cases/casePolicy";
import { findCaseConcern } from "../cases/caseConcerns";

type FeedbackSource = z.infer<typeof giveRiskFeedbackBody>["source"];

/** The student's words a feedback is about, still encrypted (with the place they are sealed to), with what the detector said of them. */
export interface RiskFeedbackSourceText {
  /** Where the words live (a feedback given from a case is stored as the chat line, letter or topic it is about). */
  sourceKind: RiskFeedbackSourceKind;
  sourceId: string;
  textEnc: string;
  /** Where textEnc is sealed (its table, column and row): it opens only there. */
  place: SealPlace;
  detectedLevel: string;
  detectedCategories: string[];
}

const notFound = () => new AppError(404, "RISK_FEEDBACK_SOURCE_NOT_FOUND");

/**
 * Finds a student's or writer's text for feedback, only for staff who may see it where it lives (the chat's
 * counsellor, a letter's readers, the counsellor holding the call-back whose topic it is: hotlinePolicy
 * shows the topic to the claimant only, and only while the ticket keeps it); anything else, or a staff member's own line, is "not found" (404), so
 * feedback cannot be used to learn that a chat or letter exists. From a case (`case_source`) the case's rule
 * decides instead (owner, team, supervisors in scope: casePolicy.canReadCaseSources), and only for an item
 * the case shows under 引发关注的内容: a supervisor who follows the case but not the chat can still mark it.
 */
export async function riskFeedbackSourceText(tx: DbOrTx, actor: StaffActor, source: FeedbackSource): Promise<RiskFeedbackSourceText> {
  switch (source.kind) {
    case "case_source": {
      // an unknown case is "not found" like any other source (loadCase's own 404 would name the case)
      const row = await loadCase(tx, source.caseId).catch((error: unknown) => {
        if (error instanceof AppError && error.status === 404) return null;
        throw error;
      });
      if (!row || !canReadCaseSources(actor, row)) throw notFound();
      const concern = await findCaseConcern(tx, actor, row.id, source.source);
      if (!concern) throw notFound();
      const { sourceKind, sourceId, textEnc, place, detectedLevel, detectedCategories } = concern;
      return { sourceKind, sourceId, textEnc, place, detectedLevel, detectedCategories };
    }
    case "chat_message": {
      const conversation = await findConversation(tx, source.conversationId);
      if (!conversation || !staffChatAccess(actor, conversation)) throw notFound();
      const [message] = await tx
        .select()
        .from(chatMessages)
        .where(and(eq(chatMessages.conversationId, conversation.id), eq(chatMessages.seq, source.seq)))
        .limit(1);
      if (!message || message.senderType !== "user") throw notFound();
      return { sourceKind: "chat_message", sourceId: `${conversation.id}/${message.seq}`, textEnc: message.bodyEnc, place: sealed.chatMessageBody.at(message), detectedLevel: message.riskLevel ?? "none", detectedCategories: message.riskCategories };
    }
    case "letter_message": {
      const letter = await findLetter(tx, source.letterId);
      if (!letter || !canReadLetter(actor, letter, await memberMailboxIds(tx, actor.id))) throw notFound();
      const sourceId = `${letter.id}/${source.seq}`;
      if (source.seq === 0) return { sourceKind: "letter_message", sourceId, textEnc: letter.bodyEnc, place: sealed.letterBody.at(letter), detectedLevel: letter.riskLevel, detectedCategories: letter.riskCategories };
      const [message] = await tx
        .select()
        .from(letterMessages)
        .where(and(eq(letterMessages.letterId, letter.id), eq(letterMessages.seq, source.seq)))
        .limit(1);
      if (!message || message.senderType !== "writer") throw notFound();
      return { sourceKind: "letter_message", sourceId, textEnc: message.bodyEnc, place: sealed.letterMessageBody.at(message), detectedLevel: message.riskLevel ?? "none", detectedCategories: [] };
    }
    case "callback_topic": {
      const [ticket] = await tx.select().from(hotlineTickets).where(eq(hotlineTickets.id, source.ticketId)).limit(1);
      if (!ticket || ticket.claimedBy !== actor.id || !ticket.topicEnc) throw notFound();
      // What the detector said when the caller joined: the alert it raised, if any (the topic's level is kept nowhere else).
      const alerts = await tx.select({ level: riskAlerts.level, categories: riskAlerts.categories }).from(riskAlerts).where(and(eq(riskAlerts.sourceKind, "hotline"), eq(riskAlerts.sourceId, ticket.id)));
      const top = alerts.sort((a, b) => riskLevels.indexOf(b.level as never) - riskLevels.indexOf(a.level as never))[0];
      return { sourceKind: "callback_topic", sourceId: ticket.id, textEnc: ticket.topicEnc, place: sealed.hotlineTopic.at(ticket), detectedLevel: top?.level ?? "none", detectedCategories: top?.categories ?? [] };
    }
  }
}
