import { and, asc, eq, inArray, ne } from "drizzle-orm";
import { chatMessages, conversations } from "../db/schema";
import type { AccountDeletionStep } from "../users/accountDeletionSteps";
import { exportSection } from "../users/exportSections";
import { exportTime, labelOf, textOr } from "../users/exportText";
import { conversationStatusLabels } from "@xinyuan/shared";
import { ChatEffects } from "./chatEffects";
import { flushChatEffects } from "./chatEffectsFlusher";
import { closeConversation } from "./chatCloser";
import { lockConversation } from "./conversationQueries";
import { sealed } from "../crypto/sealedColumns";
import { unreadableMessageText } from "./presentChatMessage";

/**
 * Account deletion: an open chat is closed as the student ending it would close it (a closing line, the
 * counsellor told and freed, the queue moved on, after the commit), marked account_deleted, and the
 * rating comment erased. The conversation stays as a counselling record (measure 3) but points at the
 * anonymised account row, whose openid hash and alias are gone, so nothing links it to the person any more.
 */
export const chatDeletionStep: AccountDeletionStep = {
  name: "chat",
  async run({ tx, services, userId, now }) {
    const open = await tx.select({ id: conversations.id }).from(conversations).where(and(eq(conversations.userId, userId), ne(conversations.status, "closed")));
    const effects = new ChatEffects();
    for (const { id } of open) {
      const conversation = await lockConversation(tx, id);
      if (conversation.status === "closed") continue;
      await closeConversation(tx, services, conversation, "user_ended", now, effects);
      await tx.update(conversations).set({ closeReason: "account_deleted", lastActivityAt: now }).where(eq(conversations.id, id));
    }
    await tx.update(conversations).set({ ratingCommentEnc: null }).where(eq(conversations.userId, userId));
    if (open.length > 0) return () => flushChatEffects(services, effects);
  },
};

/**
 * The user's conversations with every message of both sides, in order. Counsellors' private notes,
 * transfer notes and risk assessments are professional records and are not part of a self-service export.
 */
export const chatExportSection = exportSection({
  key: "chats",
  title: "聊天记录（在线咨询）",
  async collect({ db, services, userId }) {
    const rows = await db.select().from(conversations).where(eq(conversations.userId, userId)).orderBy(asc(conversations.createdAt));
    if (rows.length === 0) return [];
    const messages = await db
      .select()
      .from(chatMessages)
      .where(inArray(chatMessages.conversationId, rows.map((row) => row.id)))
      .orderBy(asc(chatMessages.conversationId), asc(chatMessages.seq));
    return rows.map((row) => ({
      startedAt: row.createdAt.toISOString(),
      status: row.status,
      closedAt: row.closedAt?.toISOString() ?? null,
      rating: row.rating,
      ratingComment: row.ratingCommentEnc ? services.cipher.decrypt(row.ratingCommentEnc, sealed.conversationRatingComment.at(row)) : null,
      replyReminderSet: row.notifyOpenidEnc !== null,
      messages: messages
        .filter((message) => message.conversationId === row.id)
        .map((message) => ({ seq: message.seq, from: message.senderType === "user" ? "me" : message.senderType === "staff" ? "counsellor" : "system", text: services.cipher.decryptOrNull(message.bodyEnc, sealed.chatMessageBody.at(message)) ?? unreadableMessageText, at: message.createdAt.toISOString() })),
    }));
  },
  render(chats) {
    return chats.flatMap((chat, index) => [
      ...(index > 0 ? [""] : []),
      `第 ${index + 1} 次咨询：${exportTime(chat.startedAt)} 开始，${labelOf(conversationStatusLabels, chat.status)}${chat.closedAt ? `（${exportTime(chat.closedAt)} 结束）` : ""}`,
      ...chat.messages.map((message) => `  ${exportTime(message.at)}  ${message.from === "me" ? "我" : message.from === "counsellor" ? "老师" : "系统提示"}：${message.text}`),
      ...(chat.rating !== null ? [`  我的评价：${chat.rating} 星${chat.ratingComment ? `，${chat.ratingComment}` : ""}`] : []),
      ...(chat.replyReminderSet ? ["  我开启了老师回复提醒"] : []),
    ]);
  },
});
