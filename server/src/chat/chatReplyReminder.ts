import { and, eq, isNotNull, ne } from "drizzle-orm";
import { subscribeMessagePage, type ChatReminderBody } from "@xinyuan/shared";
import { conversations } from "../db/schema";
import type { Services } from "../services";
import type { UserActor } from "../auth/actor";
import { AppError } from "../http/errors";
import { verifiedOpenid } from "../wechat/verifiedOpenid";
import { countyDateTimeOf } from "../hotline/countyTime";
import type { ChatEffects } from "./chatEffects";
import { userRoom } from "./chatRooms";
import type { ConversationRow } from "./conversationQueries";
import { sealed } from "../crypto/sealedColumns";

/**
 * Arms the one "a counsellor replied" reminder on the student's own open conversation. Accounts keep
 * only a keyed hash of the openid, which cannot be messaged, so the student's opt-in (a fresh wx.login
 * code after accepting the subscribe template) hands us the address for this conversation only; it is
 * stored encrypted and erased when the reminder is sent or the chat closes. Returns the updated row.
 */
export async function armChatReplyReminder(props: { services: Services; actor: UserActor; conversation: ConversationRow; body: ChatReminderBody }): Promise<ConversationRow> {
  const { services, actor, conversation, body } = props;
  if (conversation.status === "closed") throw new AppError(409, "CHAT_CLOSED");
  const openid = await verifiedOpenid(services, actor.id, body.code, "CHAT_REMINDER_FAILED");
  const [updated] = await services.db
    .update(conversations)
    .set({ notifyOpenidEnc: services.cipher.encrypt(openid, sealed.conversationNotifyOpenid.at(conversation)) })
    .where(and(eq(conversations.id, conversation.id), eq(conversations.userId, actor.id), ne(conversations.status, "closed")))
    .returning();
  // closed while WeChat answered: nothing stored
  if (!updated) throw new AppError(409, "CHAT_CLOSED");
  return updated;
}

/** Takes the armed address out of the row (locked, then erased, in one transaction): whoever gets it sends. */
async function takeAddress(services: Services, conversationId: string): Promise<string | null> {
  return services.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ notifyOpenidEnc: conversations.notifyOpenidEnc })
      .from(conversations)
      .where(and(eq(conversations.id, conversationId), isNotNull(conversations.notifyOpenidEnc)))
      .for("update");
    if (!row?.notifyOpenidEnc) return null;
    await tx.update(conversations).set({ notifyOpenidEnc: null }).where(eq(conversations.id, conversationId));
    return services.cipher.decrypt(row.notifyOpenidEnc, sealed.conversationNotifyOpenid.at({ id: conversationId }));
  });
}

/**
 * After a commit with counsellor messages: for each conversation whose student has no live connection
 * (the app is closed or in the background, where WeChat drops sockets), takes the armed address out, so
 * the reminder goes at most once however many replies or processes race, and sends it. A student who is
 * connected sees the message and keeps the reminder for a later reply. Never throws; a failed send is
 * logged and not retried (the address is already erased).
 */
export async function sendChatReplyReminders(services: Services, effects: ChatEffects): Promise<void> {
  const replied = new Set(effects.messages.filter((message) => message.senderType === "staff").map((message) => message.conversationId));
  for (const conversationId of replied) {
    try {
      const routing = effects.routing.get(conversationId);
      const userId = routing?.userId;
      if (!userId) continue;
      // The locked row the message was written under had no armed reminder (arming updates that row,
      // so it waits for the send's commit): nothing to read. Most replies take this path.
      if (routing.reminderArmed === false) continue;
      // most chats have no reminder: one primary-key read, no socket round trip
      const [armed] = await services.db.select({ id: conversations.id }).from(conversations).where(and(eq(conversations.id, conversationId), isNotNull(conversations.notifyOpenidEnc)));
      if (!armed) continue;
      // if the other instances cannot be asked, remind anyway: a reminder too many beats a reply unseen
      const online = await services.realtime.isConnected(userRoom(userId)).catch(() => false);
      if (online) continue;
      const openid = await takeAddress(services, conversationId);
      if (!openid) continue;
      await services.wechat.sendSubscribeMessage({
        toOpenid: openid,
        templateId: services.config.chat.replyTemplate,
        page: subscribeMessagePage("chat", { conversation: conversationId }),
        data: {
          thing1: { value: "在线咨询" },
          thing2: { value: "老师回复了你，点开就能看到" },
          time3: { value: countyDateTimeOf(services.clock.now()) },
        },
      });
    } catch (error) {
      services.log.warn({ err: error, conversationId }, "chat reply reminder not sent");
    }
  }
}
