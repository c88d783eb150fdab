import {
  apiRoutes,
  type ChatNoteView,
  type ChatQueueEntryView,
  type ChatResumeResult,
  type ChatTransferView,
  type StaffConversationView,
} from "@xinyuan/shared";
import { mountRoute, type AppRouter } from "../../../http/mountRoute";
import { ForbiddenError } from "../../../http/errors";
import { idOf } from "../../../http/routeParams";
import type { AppContext } from "../../../http/context";
import type { StaffActor } from "../../../auth/actor";
import { originOf } from "../../../audit/recordAudit";
import { canSuperviseChats, isCounsellingStaff } from "../../../chat/chatPolicy";
import { chatResumer } from "../../../chat/chatResume";
import { chatAccepter, chatOpener, chatTakeOver, chatTransferer } from "../../../chat/chatHandover";
import { staffChatEnder } from "../../../chat/chatCloser";
import { chatNoteAdder } from "../../../chat/chatNoteAdder";
import { presentStaffConversation } from "../../../chat/presentConversation";
import {
  assignedChats,
  chatNotesOf,
  chatQueue,
  chatTransfersOf,
  earlierChatMessages,
  earlierChats,
  earlierChatsAnchor,
  liveChats,
  staffConversation,
  staffConversationView,
} from "../../../chat/staffChatViews";

function counsellorOf(ctx: AppContext): StaffActor {
  const actor = ctx.state.actor;
  if (!isCounsellingStaff(actor)) throw ForbiddenError();
  return actor;
}

/** Counsellors' and supervisors' side of the chat: validate (ids) → authorize → command or view → present. */
export function mountStaffChatRoutes(router: AppRouter): void {
  mountRoute(router, apiRoutes.listChatQueue, async (ctx): Promise<ChatQueueEntryView[]> => {
    counsellorOf(ctx);
    return chatQueue(ctx.services.db);
  });

  mountRoute(router, apiRoutes.listMyAssignedChats, async (ctx): Promise<StaffConversationView[]> => assignedChats(ctx.services, counsellorOf(ctx).id));

  mountRoute(router, apiRoutes.listLiveChats, async (ctx): Promise<StaffConversationView[]> => {
    if (!canSuperviseChats(ctx.state.actor)) throw ForbiddenError();
    return liveChats(ctx.services);
  });

  mountRoute(router, apiRoutes.getChat, async (ctx, { params }): Promise<StaffConversationView> => {
    const conversationId = idOf(params);
    const actor = counsellorOf(ctx);
    const conversation = await staffConversation({ services: ctx.services, actor, conversationId, origin: originOf(ctx), action: "chat.supervise.open" });
    // the assigned counsellor opening it is what tells the student "老师来了"
    return presentStaffConversation(ctx.services.db, ctx.services.cipher, await chatOpener({ services: ctx.services, actor, conversation }));
  });

  mountRoute(router, apiRoutes.listChatMessages, async (ctx, { params, query }): Promise<ChatResumeResult> => {
    const conversationId = idOf(params);
    const actor = counsellorOf(ctx);
    const conversation = await staffConversation({ services: ctx.services, actor, conversationId, origin: originOf(ctx), action: "chat.supervise.read" });
    return chatResumer({ services: ctx.services, actor, input: { conversationId: conversation.id, afterSeq: query.afterSeq, limit: query.limit }, known: conversation });
  });

  mountRoute(router, apiRoutes.acceptChat, async (ctx, { params }): Promise<StaffConversationView> => {
    const conversationId = idOf(params);
    await chatAccepter({ services: ctx.services, actor: counsellorOf(ctx), conversationId });
    return staffConversationView(ctx.services, conversationId);
  });

  mountRoute(router, apiRoutes.transferChat, async (ctx, { params, body }): Promise<StaffConversationView> => {
    const conversationId = idOf(params);
    await chatTransferer({ services: ctx.services, actor: counsellorOf(ctx), conversationId, body, origin: originOf(ctx) });
    return staffConversationView(ctx.services, conversationId);
  });

  mountRoute(router, apiRoutes.endChat, async (ctx, { params, body }): Promise<StaffConversationView> => {
    const conversationId = idOf(params);
    await staffChatEnder({ services: ctx.services, actor: counsellorOf(ctx), conversationId, body, origin: originOf(ctx) });
    return staffConversationView(ctx.services, conversationId);
  });

  mountRoute(router, apiRoutes.takeOverChat, async (ctx, { params }): Promise<StaffConversationView> => {
    const conversationId = idOf(params);
    await chatTakeOver({ services: ctx.services, actor: counsellorOf(ctx), conversationId, origin: originOf(ctx) });
    return staffConversationView(ctx.services, conversationId);
  });

  mountRoute(router, apiRoutes.listChatTransfers, async (ctx, { params }): Promise<ChatTransferView[]> => {
    const conversationId = idOf(params);
    const conversation = await staffConversation({ services: ctx.services, actor: counsellorOf(ctx), conversationId, origin: originOf(ctx), action: "chat.supervise.transfers" });
    return chatTransfersOf(ctx.services, conversation.id);
  });

  mountRoute(router, apiRoutes.listChatNotes, async (ctx, { params }): Promise<ChatNoteView[]> => {
    const conversationId = idOf(params);
    const conversation = await staffConversation({ services: ctx.services, actor: counsellorOf(ctx), conversationId, origin: originOf(ctx), action: "chat.supervise.notes" });
    return chatNotesOf(ctx.services, conversation.id);
  });

  mountRoute(router, apiRoutes.addChatNote, async (ctx, { params, body }): Promise<ChatNoteView[]> => {
    const conversationId = idOf(params);
    const noted = await chatNoteAdder({ services: ctx.services, actor: counsellorOf(ctx), conversationId, body: body.body, origin: originOf(ctx) });
    ctx.status = 201;
    return chatNotesOf(ctx.services, noted);
  });

  mountRoute(router, apiRoutes.listEarlierChats, async (ctx, { params }): Promise<StaffConversationView[]> => {
    const conversationId = idOf(params);
    const anchor = await earlierChatsAnchor({ services: ctx.services, actor: counsellorOf(ctx), conversationId, origin: originOf(ctx) });
    return earlierChats({ services: ctx.services, anchor, origin: originOf(ctx) });
  });

  mountRoute(router, apiRoutes.listEarlierChatMessages, async (ctx, { params, query }): Promise<ChatResumeResult> => {
    const conversationId = idOf(params);
    const earlierId = idOf(params, "earlierId");
    const anchor = await earlierChatsAnchor({ services: ctx.services, actor: counsellorOf(ctx), conversationId, origin: originOf(ctx) });
    return earlierChatMessages({ services: ctx.services, anchor, earlierId, afterSeq: query.afterSeq, limit: query.limit, origin: originOf(ctx) });
  });
}
