import { and, asc, desc, eq, lte, ne } from "drizzle-orm";
import {
  apiRoutes,
  type ChatNoteView,
  type ChatQueueEntryView,
  type ChatResumeResult,
  type ChatTransferView,
  type StaffConversationView,
} from "@xinyuan/shared";
import { mountRoute, type AppRouter } from "../../../http/mountRoute";
import { ForbiddenError, NotFoundError } from "../../../http/errors";
import type { AppContext } from "../../../http/context";
import type { StaffActor } from "../../../auth/actor";
import { hasRole } from "../../../auth/actor";
import { originOf, recordAudit } from "../../../audit/recordAudit";
import { appUsers, chatNotes, chatTransfers, conversations } from "../../../db/schema";
import { findConversation, queueOrder, queuePositions, type ConversationRow } from "../../../chat/conversationQueries";
import { presentStaffMessages, staffNamesOf } from "../../../chat/presentChatMessage";
import { loadCursors, presentQueueEntry, presentStaffConversation } from "../../../chat/presentConversation";
import { messagesAfter } from "../../../chat/chatMessageWriter";
import { canSuperviseChats, isCounsellingStaff, requireStaffChatAccess } from "../../../chat/chatPolicy";
import { chatResumer } from "../../../chat/chatResume";
import { chatAccepter, chatTakeOver, chatTransferer } from "../../../chat/chatHandover";
import { staffChatEnder } from "../../../chat/chatCloser";

function counsellorOf(ctx: AppContext): StaffActor {
  const actor = ctx.state.actor;
  if (!isCounsellingStaff(actor)) throw ForbiddenError();
  return actor;
}

/** Loads a conversation the staff member may see; a supervisor's look is audited (read-only). */
async function accessibleConversation(ctx: AppContext, id: string, action: string): Promise<ConversationRow> {
  const actor = counsellorOf(ctx);
  const conversation = await findConversation(ctx.services.db, id);
  if (!conversation) throw NotFoundError("CHAT_NOT_FOUND");
  const access = requireStaffChatAccess(actor, conversation);
  if (access === "supervisor") await recordAudit(ctx.services.db, originOf(ctx), { action, targetType: "conversation", targetId: conversation.id });
  return conversation;
}

/**
 * The conversation whose earlier chats (same alias, started before it) a staff member asks to see: the
 * counsellor serving it while it is open, or a supervisor (audited). A counsellor's access to the
 * student's history ends with the conversation: a closed chat is no door into later or other ones.
 */
async function earlierAnchor(ctx: AppContext, id: string): Promise<ConversationRow> {
  const conversation = await accessibleConversation(ctx, id, "chat.supervise.open");
  const supervising = requireStaffChatAccess(counsellorOf(ctx), conversation) === "supervisor";
  if (!supervising && conversation.status === "closed") throw NotFoundError("CHAT_NOT_FOUND");
  return conversation;
}

async function view(ctx: AppContext, id: string): Promise<StaffConversationView> {
  return presentStaffConversation(ctx.services.db, ctx.services.cipher, (await findConversation(ctx.services.db, id))!);
}

/** Counsellors' and supervisors' side of the chat. */
export function mountStaffChatRoutes(router: AppRouter): void {
  mountRoute(router, apiRoutes.listChatQueue, async (ctx): Promise<ChatQueueEntryView[]> => {
    counsellorOf(ctx);
    const { db } = ctx.services;
    const rows = await db.select({ conversation: conversations, alias: appUsers.alias }).from(conversations).innerJoin(appUsers, eq(appUsers.id, conversations.userId)).where(eq(conversations.status, "waiting")).orderBy(...queueOrder).limit(200);
    return rows.map((row, index) => presentQueueEntry(row.conversation, row.alias, index + 1));
  });

  mountRoute(router, apiRoutes.listMyAssignedChats, async (ctx): Promise<StaffConversationView[]> => {
    const actor = counsellorOf(ctx);
    const { db, cipher } = ctx.services;
    const rows = await db.select().from(conversations).where(and(eq(conversations.assignedStaffId, actor.id), eq(conversations.status, "active"))).orderBy(asc(conversations.assignedAt));
    return Promise.all(rows.map((row) => presentStaffConversation(db, cipher, row)));
  });

  mountRoute(router, apiRoutes.listLiveChats, async (ctx): Promise<StaffConversationView[]> => {
    if (!canSuperviseChats(ctx.state.actor)) throw ForbiddenError();
    const { db, cipher } = ctx.services;
    const rows = await db.select().from(conversations).where(ne(conversations.status, "closed")).orderBy(...queueOrder).limit(500);
    const positions = await queuePositions(db);
    return Promise.all(rows.map((row) => presentStaffConversation(db, cipher, row, positions)));
  });

  mountRoute(router, apiRoutes.getChat, async (ctx, { params }): Promise<StaffConversationView> => {
    const conversation = await accessibleConversation(ctx, params.id!, "chat.supervise.open");
    return presentStaffConversation(ctx.services.db, ctx.services.cipher, conversation);
  });

  mountRoute(router, apiRoutes.listChatMessages, async (ctx, { params, query }): Promise<ChatResumeResult> => {
    const conversation = await accessibleConversation(ctx, params.id!, "chat.supervise.read");
    return chatResumer({ services: ctx.services, actor: counsellorOf(ctx), input: { conversationId: conversation.id, afterSeq: query.afterSeq, limit: query.limit }, known: conversation });
  });

  mountRoute(router, apiRoutes.acceptChat, async (ctx, { params }): Promise<StaffConversationView> => {
    await chatAccepter({ services: ctx.services, actor: counsellorOf(ctx), conversationId: params.id! });
    return view(ctx, params.id!);
  });

  mountRoute(router, apiRoutes.transferChat, async (ctx, { params, body }): Promise<StaffConversationView> => {
    await chatTransferer({ services: ctx.services, actor: counsellorOf(ctx), conversationId: params.id!, body, origin: originOf(ctx) });
    return view(ctx, params.id!);
  });

  mountRoute(router, apiRoutes.endChat, async (ctx, { params, body }): Promise<StaffConversationView> => {
    await staffChatEnder({ services: ctx.services, actor: counsellorOf(ctx), conversationId: params.id!, body, origin: originOf(ctx) });
    return view(ctx, params.id!);
  });

  mountRoute(router, apiRoutes.takeOverChat, async (ctx, { params }): Promise<StaffConversationView> => {
    await chatTakeOver({ services: ctx.services, actor: counsellorOf(ctx), conversationId: params.id!, origin: originOf(ctx) });
    return view(ctx, params.id!);
  });

  mountRoute(router, apiRoutes.listChatTransfers, async (ctx, { params }): Promise<ChatTransferView[]> => {
    const conversation = await accessibleConversation(ctx, params.id!, "chat.supervise.transfers");
    const { db, cipher } = ctx.services;
    const rows = await db.select().from(chatTransfers).where(eq(chatTransfers.conversationId, conversation.id)).orderBy(asc(chatTransfers.createdAt));
    const names = await staffNamesOf(db, rows.flatMap((row) => [row.fromStaffId, row.toStaffId]));
    return rows.map((row) => ({
      id: row.id,
      kind: row.kind as ChatTransferView["kind"],
      fromStaffName: row.fromStaffId ? (names.get(row.fromStaffId) ?? null) : null,
      toStaffName: row.toStaffId ? (names.get(row.toStaffId) ?? null) : null,
      toCentre: row.toCentre,
      note: row.noteEnc ? cipher.decrypt(row.noteEnc) : null,
      createdAt: row.createdAt.toISOString(),
    }));
  });

  mountRoute(router, apiRoutes.listChatNotes, async (ctx, { params }): Promise<ChatNoteView[]> => {
    const conversation = await accessibleConversation(ctx, params.id!, "chat.supervise.notes");
    return notesOf(ctx, conversation.id);
  });

  mountRoute(router, apiRoutes.addChatNote, async (ctx, { params, body }): Promise<ChatNoteView[]> => {
    const actor = counsellorOf(ctx);
    // A supervisor may leave a note on a chat they follow; that (and the notes it returns) is audited.
    const conversation = await accessibleConversation(ctx, params.id!, "chat.supervise.note");
    await ctx.services.db.insert(chatNotes).values({ conversationId: conversation.id, staffId: actor.id, bodyEnc: ctx.services.cipher.encrypt(body.body), createdAt: ctx.services.clock.now() });
    ctx.status = 201;
    return notesOf(ctx, conversation.id);
  });

  mountRoute(router, apiRoutes.listEarlierChats, async (ctx, { params }): Promise<StaffConversationView[]> => {
    const conversation = await earlierAnchor(ctx, params.id!);
    const { db, cipher } = ctx.services;
    const rows = await db
      .select()
      .from(conversations)
      .where(and(eq(conversations.userId, conversation.userId), ne(conversations.id, conversation.id), lte(conversations.createdAt, conversation.createdAt)))
      .orderBy(desc(conversations.createdAt))
      .limit(50);
    await recordAudit(db, originOf(ctx), { action: "chat.history.list", targetType: "conversation", targetId: conversation.id, detail: { earlier: rows.map((row) => row.id) } });
    return Promise.all(rows.map((row) => presentStaffConversation(db, cipher, row)));
  });

  mountRoute(router, apiRoutes.listEarlierChatMessages, async (ctx, { params, query }): Promise<ChatResumeResult> => {
    const conversation = await earlierAnchor(ctx, params.id!);
    const earlier = await findConversation(ctx.services.db, params.earlierId!);
    if (!earlier || earlier.userId !== conversation.userId || earlier.id === conversation.id || earlier.createdAt > conversation.createdAt) throw NotFoundError("CHAT_NOT_FOUND");
    await recordAudit(ctx.services.db, originOf(ctx), { action: "chat.history.read", targetType: "conversation", targetId: earlier.id, detail: { from: conversation.id } });
    const { rows, hasMore } = await messagesAfter(ctx.services.db, earlier.id, query.afterSeq, query.limit);
    return { messages: await presentStaffMessages(ctx.services.db, ctx.services.cipher, rows), hasMore, lastSeq: earlier.lastSeq, status: earlier.status as ChatResumeResult["status"], cursors: await loadCursors(ctx.services.db, earlier.id) };
  });
}

async function notesOf(ctx: AppContext, conversationId: string): Promise<ChatNoteView[]> {
  const { db, cipher } = ctx.services;
  const rows = await db.select().from(chatNotes).where(eq(chatNotes.conversationId, conversationId)).orderBy(asc(chatNotes.createdAt));
  const names = await staffNamesOf(db, rows.map((row) => row.staffId));
  return rows.map((row) => ({ id: row.id, staffName: names.get(row.staffId) ?? "", body: cipher.decrypt(row.bodyEnc), createdAt: row.createdAt.toISOString() }));
}
