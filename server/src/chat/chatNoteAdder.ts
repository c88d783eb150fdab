import { randomUUID } from "node:crypto";
import { chatNotes } from "../db/schema";
import type { Services } from "../services";
import type { StaffActor } from "../auth/actor";
import type { AuditOrigin } from "../audit/recordAudit";
import { staffConversation } from "./staffChatViews";
import { sealed } from "../crypto/sealedColumns";

/**
 * Adds a private staff note (encrypted) to a chat the staff member may see; a supervisor may leave one on
 * a chat they follow, and that look is audited. Returns the conversation's id for the caller to list notes.
 */
export async function chatNoteAdder(props: { services: Services; actor: StaffActor; conversationId: string; body: string; origin: AuditOrigin }): Promise<string> {
  const { services, actor, body } = props;
  const conversation = await staffConversation({ ...props, action: "chat.supervise.note" });
  const id = randomUUID();
  await services.db.insert(chatNotes).values({ id, conversationId: conversation.id, staffId: actor.id, bodyEnc: services.cipher.encrypt(body, sealed.chatNoteBody.at({ id })), createdAt: services.clock.now() });
  return conversation.id;
}
