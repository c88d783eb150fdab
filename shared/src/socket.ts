/**
 * Socket.io event contracts. Every client-sent event is acknowledged with an Ack.
 * Features add their events to these maps (hotline queue, chat).
 */
import type { DutyView, SetDutyBody } from "./duty";
import type { CallerTicketView } from "./hotline";
import type { AlertNotice } from "./alerts";
import type { ChatAssignmentNotice, ChatConversationInput, ChatCursorInput, ChatMessageView, ChatReceiptNotice, ChatResumeResult, ChatRiskAlert, ChatStatusNotice, ChatTypingInput, ChatTypingNotice, ResumeChatInput, SendChatMessageInput, StaffChatMessageView } from "./chat";

/**
 * An acknowledgement. `retryAfterMs` comes with a refusal that will succeed later as is (CHAT_RATE_LIMITED):
 * the client waits that long and sends the same message again, in its place in the order.
 */
export type Ack<T = Record<string, never>> = (result: { ok: true; data: T } | { ok: false; error: { code: string; message: string; retryAfterMs?: number } }) => void;

export interface ClientToServerEvents {
  /** Staff: go on / off duty (the same state the HTTP /duty route sets). */
  "duty:set": (input: SetDutyBody, ack: Ack<DutyView>) => void;
  /**
   * Chat: send a message. Acked only after it is stored with its seq; resending the same clientMessageId
   * acks the same message again. One sender's messages are stored in the order they arrive on the socket.
   * Errors: CHAT_RATE_LIMITED (with retryAfterMs; every send of that sender already queued behind it is
   * refused too, so nothing overtakes it: resend them in order after the wait), CHAT_MESSAGE_TOO_LONG,
   * CHAT_MESSAGE_EMPTY, CHAT_CLOSED, CHAT_NOT_FOUND, CHAT_READ_ONLY (nothing stored in every case).
   */
  "chat:send": (input: SendChatMessageInput, ack: Ack<ChatMessageView>) => void;
  /** Chat: everything after afterSeq, in order (a page; loop while hasMore). Run on every (re)connect. */
  "chat:resume": (input: ResumeChatInput, ack: Ack<ChatResumeResult>) => void;
  /** Chat: this side is / stopped typing (the other side gets "chat:typing"). */
  "chat:typing": (input: ChatTypingInput, ack: Ack) => void;
  /** Chat: this side has received everything up to seq. */
  "chat:delivered": (input: ChatCursorInput, ack: Ack<ChatReceiptNotice>) => void;
  /** Chat: this side has seen everything up to seq (read receipt). */
  "chat:read": (input: ChatCursorInput, ack: Ack<ChatReceiptNotice>) => void;
  /** Chat, supervisors: follow a live conversation read-only (audited); the ack has the messages so far. */
  "chat:watch": (input: ChatConversationInput, ack: Ack<ChatResumeResult<StaffChatMessageView>>) => void;
  "chat:unwatch": (input: ChatConversationInput, ack: Ack) => void;
  /** Hotline staff (county counsellors, supervisors): join the queue room; acked with the live waiting count. */
  "hotline:watch": (input: Record<string, never>, ack: Ack<{ waiting: number }>) => void;
  "hotline:unwatch": (input: Record<string, never>, ack: Ack) => void;
}

export interface ServerToClientEvents {
  /** Small "this changed" notice; the client refetches through the API. */
  changed: (notice: { resource: string; id?: string }) => void;
  /** Staff: own duty state changed (from this or another device). */
  "duty:changed": (view: DutyView) => void;
  /** Chat: a new message (students get UserChatMessageView, staff StaffChatMessageView). */
  "chat:message": (message: ChatMessageView) => void;
  /** Chat: the other side is typing. */
  "chat:typing": (notice: ChatTypingNotice) => void;
  /** Chat: a side's delivered / read cursor moved. */
  "chat:receipt": (notice: ChatReceiptNotice) => void;
  /** Chat, students: status or queue position changed. */
  "chat:status": (notice: ChatStatusNotice) => void;
  /** Chat, staff: a conversation was given to you (auto, picked, transfer, take-over); "chat:resume" from 0 for its history. */
  "chat:assigned": (notice: ChatAssignmentNotice) => void;
  /** Chat, staff: a conversation left you (transferred, returned to the queue, taken over, closed). */
  "chat:unassigned": (notice: ChatAssignmentNotice) => void;
  /** Chat, counsellors and supervisors: the queue changed; refetch GET /chats/queue. */
  "chat:queue": (notice: { waiting: number }) => void;
  /** Chat: risk detected in a student's message (assigned counsellor and on-duty supervisors). */
  "chat:risk": (alert: ChatRiskAlert) => void;
  /** Hotline callers (room user-<id>): their ticket with a fresh position and estimate, or its new status. */
  "hotline:ticket": (view: CallerTicketView) => void;
  /** Hotline staff in the queue room: the queue changed; refetch GET /hotline/queue. */
  "hotline:queue-changed": (notice: { waiting: number }) => void;
  /** Hotline staff (room staff-<id>): your call was cancelled by the caller, returned as stale, or transferred; refetch GET /hotline/calls/mine. */
  /** Alerts (county supervisors; on-duty counsellors once escalated): a new alert; load it with GET /alerts. */
  "alert:new": (notice: AlertNotice) => void;
  /** Alerts: an alert was acknowledged, handled or escalated. */
  "alert:changed": (notice: AlertNotice) => void;
  "hotline:call-changed": (notice: { ticketId: string; number: number; reason: "returned" | "cancelled" | "transferred_in" | "transferred_out" | "missed" }) => void;
}
