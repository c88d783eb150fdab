import { and, eq } from "drizzle-orm";
import { chatSystemLines } from "@xinyuan/shared";
import { chatMessages } from "../db/schema";
import type { Services } from "../services";
import type { UserActor } from "../auth/actor";
import { appendSystemLine } from "./chatMessageWriter";
import { runChatCommand } from "./chatEffectsFlusher";
import { lockConversation } from "./conversationQueries";
import { requireOwnConversation } from "./chatPolicy";
import { sealed } from "../crypto/sealedColumns";

/**
 * The student tapped 快速离开: the chat stays open and the counsellor reads, in the conversation, that
 * the student stepped away (maybe someone is near), so they neither worry nor press with questions.
 * Tapping again before anything else was said adds nothing; a closed chat is left as it is.
 */
export async function chatQuickExitNoter(props: { services: Services; actor: UserActor; conversationId: string }): Promise<void> {
  const { services, actor, conversationId } = props;
  await runChatCommand(services, async (tx, effects, now) => {
    const conversation = await lockConversation(tx, conversationId);
    requireOwnConversation(actor, conversation);
    if (conversation.status === "closed") return;
    const [last] = await tx
      .select({ conversationId: chatMessages.conversationId, seq: chatMessages.seq, senderType: chatMessages.senderType, bodyEnc: chatMessages.bodyEnc })
      .from(chatMessages)
      .where(and(eq(chatMessages.conversationId, conversation.id), eq(chatMessages.seq, conversation.lastSeq)))
      .limit(1);
    if (last?.senderType === "system" && services.cipher.decrypt(last.bodyEnc, sealed.chatMessageBody.at(last)) === chatSystemLines.leftQuickly) return;
    await appendSystemLine(tx, services.cipher, conversation.id, chatSystemLines.leftQuickly, now, effects);
  });
}
