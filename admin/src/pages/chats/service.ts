import {
  apiRoutes,
  type CannedReplyBody,
  type CannedReplyView,
  type ChatNoteView,
  type ChatQueueEntryView,
  type ChatResumeResult,
  type ChatTransferView,
  type ContactRecordBody,
  type StaffChatMessageView,
  type StaffConversationView,
  type TransferChatBody,
  type UpdateCannedReplyBody,
} from "@xinyuan/shared";
import { call } from "../../request";

/** The chat page's HTTP calls; messages themselves go over the socket (see useConversation.ts). */

export const fetchAssigned = () => call<typeof apiRoutes.listMyAssignedChats, StaffConversationView[]>(apiRoutes.listMyAssignedChats, { policy: "silent" });
export const fetchQueue = () => call<typeof apiRoutes.listChatQueue, ChatQueueEntryView[]>(apiRoutes.listChatQueue, { policy: "silent" });
export const fetchLive = () => call<typeof apiRoutes.listLiveChats, StaffConversationView[]>(apiRoutes.listLiveChats, { policy: "silent" });
export const fetchChat = (id: string) => call<typeof apiRoutes.getChat, StaffConversationView>(apiRoutes.getChat, { params: { id }, policy: "silent" });
export const acceptChat = (id: string) => call<typeof apiRoutes.acceptChat, StaffConversationView>(apiRoutes.acceptChat, { params: { id }, policy: "notification" });
export const transferChat = (id: string, body: TransferChatBody) => call<typeof apiRoutes.transferChat, StaffConversationView>(apiRoutes.transferChat, { params: { id }, body });
export const endChat = (id: string, outcome: ContactRecordBody) => call<typeof apiRoutes.endChat, StaffConversationView>(apiRoutes.endChat, { params: { id }, body: { outcome } });
export const takeOverChat = (id: string) => call<typeof apiRoutes.takeOverChat, StaffConversationView>(apiRoutes.takeOverChat, { params: { id }, policy: "notification" });
export const fetchTransfers = (id: string) => call<typeof apiRoutes.listChatTransfers, ChatTransferView[]>(apiRoutes.listChatTransfers, { params: { id }, policy: "silent" });
export const fetchNotes = (id: string) => call<typeof apiRoutes.listChatNotes, ChatNoteView[]>(apiRoutes.listChatNotes, { params: { id }, policy: "silent" });
export const addNote = (id: string, body: string) => call<typeof apiRoutes.addChatNote, ChatNoteView[]>(apiRoutes.addChatNote, { params: { id }, body: { body } });
export const fetchEarlier = (id: string) => call<typeof apiRoutes.listEarlierChats, StaffConversationView[]>(apiRoutes.listEarlierChats, { params: { id }, policy: "silent" });
export const fetchEarlierMessages = (id: string, earlierId: string) =>
  call<typeof apiRoutes.listEarlierChatMessages, ChatResumeResult<StaffChatMessageView>>(apiRoutes.listEarlierChatMessages, { params: { id, earlierId }, query: { afterSeq: 0 }, policy: "silent" });
export const fetchReplies = () => call<typeof apiRoutes.listCannedReplies, CannedReplyView[]>(apiRoutes.listCannedReplies, { policy: "silent" });
export const createReply = (body: CannedReplyBody) => call<typeof apiRoutes.createCannedReply, CannedReplyView>(apiRoutes.createCannedReply, { body });
export const updateReply = (id: string, body: UpdateCannedReplyBody) => call<typeof apiRoutes.updateCannedReply, CannedReplyView>(apiRoutes.updateCannedReply, { params: { id }, body });
export const deleteReply = (id: string) => call(apiRoutes.deleteCannedReply, { params: { id } });
