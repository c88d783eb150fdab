import { desc, eq } from "drizzle-orm";
import { apiRoutes, chatResumePageSize, type ChatResumeResult, type StartChatResult, type UserConversationView } from "@xinyuan/shared";
import { mountRoute, type AppRouter } from "../../../http/mountRoute";
import { consumeRateLimit } from "../../../http/rateLimit";
import { AuthenticationError, NotFoundError } from "../../../http/errors";
import type { AppContext } from "../../../http/context";
import { idOf } from "../../../http/routeParams";
import type { UserActor } from "../../../auth/actor";
import { conversations } from "../../../db/schema";
import { chatStarter } from "../../../chat/chatStarter";
import { chatRater, userChatEnder } from "../../../chat/chatCloser";
import { chatResumer } from "../../../chat/chatResume";
import { chatQuickExitNoter } from "../../../chat/chatQuickExit";
import { armChatReplyReminder } from "../../../chat/chatReplyReminder";
import { findConversation } from "../../../chat/conversationQueries";
import { presentUserConversation } from "../../../chat/presentConversation";
import { requireOwnConversation } from "../../../chat/chatPolicy";
import { queuePositions } from "../../../chat/conversationQueries";

function userOf(ctx: AppContext): UserActor {
  const actor = ctx.state.actor;
  if (actor?.type !== "user") throw AuthenticationError();
  return actor;
}

async function ownConversation(ctx: AppContext, id: string) {
  const conversation = await findConversation(ctx.services.db, id);
  if (!conversation) throw NotFoundError("CHAT_NOT_FOUND");
  requireOwnConversation(userOf(ctx), conversation);
  return conversation;
}

/** The student's side of the chat: start, their conversations under their alias, a reply reminder, quick exit, end, rate. */
export function mountMyChatRoutes(router: AppRouter): void {
  // Limited per user, not per IP: a whole school may share one address.
  mountRoute(router, apiRoutes.startChat, async (ctx, { body }): Promise<StartChatResult> => {
    const user = userOf(ctx);
    await consumeRateLimit(ctx.services.db, ctx.services.clock, { name: "chat-start", limit: 10, windowSeconds: 60 }, user.id);
    const result = await chatStarter({ services: ctx.services, actor: user, body });
    if (result.conversation && result.outcome !== "already_open") ctx.status = 201;
    return result;
  });

  mountRoute(router, apiRoutes.listMyChats, async (ctx): Promise<UserConversationView[]> => {
    const { db, cipher } = ctx.services;
    const rows = await db.select().from(conversations).where(eq(conversations.userId, userOf(ctx).id)).orderBy(desc(conversations.createdAt)).limit(100);
    const positions = await queuePositions(db);
    return Promise.all(rows.map((row) => presentUserConversation(db, cipher, row, positions)));
  });

  mountRoute(router, apiRoutes.getMyChat, async (ctx, { params }): Promise<UserConversationView> => {
    const conversation = await ownConversation(ctx, idOf(params));
    return presentUserConversation(ctx.services.db, ctx.services.cipher, conversation);
  });

  mountRoute(router, apiRoutes.listMyChatMessages, async (ctx, { params, query }): Promise<ChatResumeResult> => {
    const conversation = await ownConversation(ctx, idOf(params));
    return chatResumer({ services: ctx.services, actor: userOf(ctx), input: { conversationId: conversation.id, afterSeq: query.afterSeq, limit: Math.min(query.limit, chatResumePageSize) }, known: conversation });
  });

  mountRoute(router, apiRoutes.noteMyQuickExit, async (ctx, { params }): Promise<UserConversationView> => {
    const conversation = await ownConversation(ctx, idOf(params));
    await chatQuickExitNoter({ services: ctx.services, actor: userOf(ctx), conversationId: conversation.id });
    return presentUserConversation(ctx.services.db, ctx.services.cipher, (await findConversation(ctx.services.db, conversation.id))!);
  });

  mountRoute(router, apiRoutes.endMyChat, async (ctx, { params }): Promise<UserConversationView> => {
    const conversation = await ownConversation(ctx, idOf(params));
    await userChatEnder({ services: ctx.services, actor: userOf(ctx), conversationId: conversation.id });
    return presentUserConversation(ctx.services.db, ctx.services.cipher, (await findConversation(ctx.services.db, conversation.id))!);
  });

  mountRoute(router, apiRoutes.remindMeOnReply, async (ctx, { params, body }): Promise<UserConversationView> => {
    const conversation = await ownConversation(ctx, idOf(params));
    const armed = await armChatReplyReminder({ services: ctx.services, actor: userOf(ctx), conversation, body });
    return presentUserConversation(ctx.services.db, ctx.services.cipher, armed);
  });

  mountRoute(router, apiRoutes.rateMyChat, async (ctx, { params, body }): Promise<UserConversationView> => {
    const conversation = await ownConversation(ctx, idOf(params));
    await chatRater({ services: ctx.services, actor: userOf(ctx), conversationId: conversation.id, body });
    return presentUserConversation(ctx.services.db, ctx.services.cipher, (await findConversation(ctx.services.db, conversation.id))!);
  });
}
