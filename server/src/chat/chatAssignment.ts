import { eq } from "drizzle-orm";
import { chatSystemLines, type ChatAssignmentNotice } from "@xinyuan/shared";
import { conversations } from "../db/schema";
import type { DbOrTx } from "../db/database";
import type { FieldCipher } from "../crypto/fieldCipher";
import type { ConversationRow } from "./conversationQueries";
import { appendSystemLine } from "./chatMessageWriter";
import type { ChatEffects } from "./chatEffects";

/**
 * Gives a (locked) conversation to a staff member: active, assigned, idle timer restarted, and a line
 * in the stream ("老师来了" for a first counsellor, "另一位老师将继续陪伴你" on any hand-over).
 */
export async function assignConversation(
  tx: DbOrTx,
  cipher: FieldCipher,
  conversation: ConversationRow,
  staffId: string,
  reason: ChatAssignmentNotice["reason"],
  now: Date,
  effects: ChatEffects,
): Promise<void> {
  const previous = conversation.assignedStaffId;
  await tx
    .update(conversations)
    .set({
      status: "active",
      assignedStaffId: staffId,
      assignedAt: now,
      acceptedAt: reason === "picked" || reason === "takeover" ? now : null,
      staffAbsentSince: null,
      heldForNextShift: false,
      lastActivityAt: now,
      idleReminderSentAt: null,
    })
    .where(eq(conversations.id, conversation.id));
  // The router's pick has not opened the chat yet: "found, coming" until they do (chatOpener).
  const line = reason === "auto" ? chatSystemLines.counsellorFound : reason === "transfer" || reason === "takeover" || conversation.assignedAt !== null ? chatSystemLines.transferred : chatSystemLines.counsellorJoined;
  await appendSystemLine(tx, cipher, conversation.id, line, now, effects);
  if (previous && previous !== staffId) effects.unassigned.push({ staffId: previous, conversationId: conversation.id, reason });
  effects.assigned.push({ staffId, conversationId: conversation.id, reason });
  effects.statusChanged.add(conversation.id);
  if (conversation.status === "waiting") effects.queueChanged = true;
}

