import { and, eq } from "drizzle-orm";
import type { giveRiskFeedbackBody } from "@xinyuan/shared";
import type { z } from "zod";
import type { DbOrTx } from "../db/database";
import { chatMessages, letterMessages } from "../db/schema";
import type { StaffActor } from "../auth/actor";
import { AppError } from "../http/errors";
import { findConversation } from "../chat/conversationQueries";
import { staffChatAccess } from "../chat/chatPolicy";
import { findLetter, memberMailboxIds } from "../letters/letterQueries";
import { canReadLetter } from "../letters/lettersPolicy";

type FeedbackSource = z.infer<typeof giveRiskFeedbackBody>["source"];

/** The student's words a feedback is about, still encrypted, with what the detector said of them. */
export interface RiskFeedbackSourceText {
  sourceId: string;
  textEnc: string;
  detectedLevel: string;
  detectedCategories: string[];
}

const notFound = () => new AppError(404, "RISK_FEEDBACK_SOURCE_NOT_FOUND");

/**
 * Finds a student's or writer's text for feedback, only for staff who may see it where it lives (the chat's
 * counsellor, a letter's readers); anything else, or a staff member's own line, is "not found" (404), so
 * feedback cannot be used to learn that a chat or letter exists.
 */
export async function riskFeedbackSourceText(tx: DbOrTx, actor: StaffActor, source: FeedbackSource): Promise<RiskFeedbackSourceText> {
  switch (source.kind) {
    case "chat_message": {
      const conversation = await findConversation(tx, source.conversationId);
      if (!conversation || !staffChatAccess(actor, conversation)) throw notFound();
      const [message] = await tx
        .select()
        .from(chatMessages)
        .where(and(eq(chatMessages.conversationId, conversation.id), eq(chatMessages.seq, source.seq)))
        .limit(1);
      if (!message || message.senderType !== "user") throw notFound();
      return { sourceId: `${conversation.id}/${message.seq}`, textEnc: message.bodyEnc, detectedLevel: message.riskLevel ?? "none", detectedCategories: message.riskCategories };
    }
    case "letter_message": {
      const letter = await findLetter(tx, source.letterId);
      if (!letter || !canReadLetter(actor, letter, await memberMailboxIds(tx, actor.id))) throw notFound();
      const sourceId = `${letter.id}/${source.seq}`;
      if (source.seq === 0) return { sourceId, textEnc: letter.bodyEnc, detectedLevel: letter.riskLevel, detectedCategories: letter.riskCategories };
      const [message] = await tx
        .select()
        .from(letterMessages)
        .where(and(eq(letterMessages.letterId, letter.id), eq(letterMessages.seq, source.seq)))
        .limit(1);
      if (!message || message.senderType !== "writer") throw notFound();
      return { sourceId, textEnc: message.bodyEnc, detectedLevel: message.riskLevel ?? "none", detectedCategories: [] };
    }
  }
}
