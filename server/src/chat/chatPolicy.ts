import type { Actor, StaffActor } from "../auth/actor";
import { hasRole } from "../auth/actor";
import { AppError, NotFoundError } from "../http/errors";
import type { ConversationRow } from "./conversationQueries";

/**
 * How a staff member may see a conversation: the assigned counsellor takes part; a county supervisor
 * may follow any conversation read-only (audited by the caller) and take it over; anyone else does not
 * learn it exists.
 */
export type StaffChatAccess = "assigned" | "supervisor";

/**
 * Chats are county-wide (a student is not tied to a verified school), so supervising them is a county
 * duty: live list, read-only follow, take-over and risk alerts are for county-scope supervisors. An area
 * or school account holding the supervisor role counsels its own chats like anyone else.
 */
export function canSuperviseChats(actor: Actor | undefined): actor is StaffActor {
  return hasRole(actor, "supervisor") && actor.scope.level === "county";
}

export function staffChatAccess(actor: StaffActor, conversation: ConversationRow): StaffChatAccess | null {
  if (conversation.assignedStaffId === actor.id) return "assigned";
  if (canSuperviseChats(actor)) return "supervisor";
  return null;
}

export function requireStaffChatAccess(actor: StaffActor, conversation: ConversationRow): StaffChatAccess {
  const access = staffChatAccess(actor, conversation);
  if (!access) throw NotFoundError("CHAT_NOT_FOUND");
  return access;
}

/** Students see only their own conversations (404 otherwise, never 403: no probing for ids). */
export function requireOwnConversation(actor: Actor, conversation: ConversationRow): void {
  if (actor.type !== "user" || conversation.userId !== actor.id) throw NotFoundError("CHAT_NOT_FOUND");
}

/** May this actor write into the (locked) conversation right now? */
export function authorizeSend(actor: Actor, conversation: ConversationRow): void {
  if (actor.type === "user") {
    requireOwnConversation(actor, conversation);
    if (conversation.status === "closed") throw new AppError(409, "CHAT_CLOSED");
    return;
  }
  const access = requireStaffChatAccess(actor, conversation);
  if (access !== "assigned") throw new AppError(403, "CHAT_READ_ONLY");
  if (conversation.status === "closed") throw new AppError(409, "CHAT_CLOSED");
  if (conversation.status !== "active") throw new AppError(409, "CHAT_NOT_ACTIVE");
}

/** Which side of the conversation an actor speaks for (for cursors and typing). */
export function sideOf(actor: Actor): "user" | "staff" {
  return actor.type === "user" ? "user" : "staff";
}

export function requireParticipant(actor: Actor, conversation: ConversationRow): void {
  if (actor.type === "user") return requireOwnConversation(actor, conversation);
  if (staffChatAccess(actor, conversation) !== "assigned") throw NotFoundError("CHAT_NOT_FOUND");
}

export function isCounsellingStaff(actor: Actor | undefined): actor is StaffActor {
  return hasRole(actor, "counsellor", "supervisor");
}

/** 常用语 are for counselling staff and centre admins. */
export function canUseCannedReplies(actor: Actor | undefined): actor is StaffActor {
  return isCounsellingStaff(actor) || hasRole(actor, "centre_admin");
}

/** County-wide replies are the centre's voice: centre admins and supervisors manage them. */
export function managesCountyReplies(actor: StaffActor): boolean {
  return hasRole(actor, "centre_admin", "supervisor");
}

/**
 * What a staff member may do with one reply: edit their own, edit county-wide ones if they manage them,
 * read other county-wide ones; another counsellor's own replies do not exist for them (null).
 */
export function cannedReplyAccess(actor: StaffActor, reply: { ownerStaffId: string | null }): "edit" | "read" | null {
  if (reply.ownerStaffId === null) return managesCountyReplies(actor) ? "edit" : "read";
  return reply.ownerStaffId === actor.id ? "edit" : null;
}
