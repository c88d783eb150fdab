/**
 * Anonymous chat (在线咨询) contracts shared by the server, the admin and the mini-program.
 *
 * Delivery model, which every client must follow (./chatSession/ implements it: the admin, the mini-program
 * and the chaos test all run that engine through thin adapters):
 * - every message a client sends carries a `clientMessageId` it made up (unique per sender); the server
 *   stores it, gives it the conversation's next `seq` and only then acknowledges. Resending the same
 *   id after a lost ack returns the same seq and stores nothing new.
 * - a client sends one message at a time per conversation, the next only after the previous is acked or
 *   refused for good, so one sender's messages are stored in the order written (the server also queues a
 *   socket's sends in arrival order). CHAT_RATE_LIMITED carries retryAfterMs: wait, send the same again.
 * - messages arrive by "chat:message" with consecutive seq numbers. A client keeps the last seq it has
 *   applied; it ignores seq it already has, and on a gap (or any reconnect, or coming back to the
 *   foreground) asks "chat:resume" { afterSeq } for everything it missed, in order.
 * - message bodies are plain text written by people in distress: clients render them as escaped text,
 *   never as HTML, links or images.
 */
import { z } from "zod";
import { contactRecordBody, type RiskLevel } from "./contacts";
import type { RiskSignalCategory, StoredRiskSignalCategory } from "./risk";
import { uuid } from "./schemas/common";

export const conversationStatuses = ["waiting", "active", "closed"] as const;
export type ConversationStatus = (typeof conversationStatuses)[number];
export const conversationStatusLabels: Record<ConversationStatus, string> = { waiting: "排队中", active: "咨询中", closed: "已结束" };

/** Who wrote a message in the conversation stream. "system" lines are seen by both sides. */
export type ChatSender = "user" | "staff" | "system";
/** The two sides of a conversation, for receipts and typing. */
export type ChatSide = "user" | "staff";

/**
 * Longest message body, in characters. Longer messages are refused with CHAT_MESSAGE_TOO_LONG and not
 * stored. Clients check it before sending too: a socket.io packet over 64 KB closes the connection.
 */
export const chatMessageMaxChars = 2000;
/** A page of "chat:resume" / message history. */
export const chatResumePageSize = 200;

/** A client's own id for a message: 8-64 of [A-Za-z0-9_-] (a UUID is fine). */
export const clientMessageId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, { error: "消息编号格式不正确" });

/** Body checks are done by the server (too long -> CHAT_MESSAGE_TOO_LONG, nothing stored). */
export const chatMessageBody = z.string();

export const sendChatMessageInput = z.object({ conversationId: uuid, clientMessageId, body: chatMessageBody });
export type SendChatMessageInput = z.infer<typeof sendChatMessageInput>;

export const resumeChatInput = z.object({
  conversationId: uuid,
  afterSeq: z.number().int().min(0),
  limit: z.number().int().min(1).max(chatResumePageSize).optional(),
});
export type ResumeChatInput = z.infer<typeof resumeChatInput>;

export const chatCursorInput = z.object({ conversationId: uuid, seq: z.number().int().min(0) });
export type ChatCursorInput = z.infer<typeof chatCursorInput>;

export const chatTypingInput = z.object({ conversationId: uuid, typing: z.boolean() });
export type ChatTypingInput = z.infer<typeof chatTypingInput>;

export const chatConversationInput = z.object({ conversationId: uuid });
export type ChatConversationInput = z.infer<typeof chatConversationInput>;

/** POST /me/chats. Without a counsellor on duty nothing is stored unless keepForNextShift is true. */
export const startChatBody = z.object({
  firstMessage: z.object({ clientMessageId, body: chatMessageBody }).optional(),
  keepForNextShift: z.boolean().optional(),
});
export type StartChatBody = z.infer<typeof startChatBody>;

/**
 * POST /me/chats/:id/reminder: after the student accepted the "counsellor replied" subscribe message
 * (wx.requestSubscribeMessage), a fresh wx.login code. The server turns it into the openid, checks it is
 * this account, and keeps it encrypted on this conversation only, until one reminder is sent (a
 * counsellor wrote while the student was away) or the chat ends. One WeChat subscription = one message.
 */
export const chatReminderBody = z.object({ code: z.string().min(1).max(128) });
export type ChatReminderBody = z.infer<typeof chatReminderBody>;

export const rateChatBody = z.object({
  score: z.number().int().min(1, { error: "请选择 1 到 5 分" }).max(5, { error: "请选择 1 到 5 分" }),
  comment: z.string().trim().max(500, { error: "评价不能超过 500 个字" }).optional(),
});
export type RateChatBody = z.infer<typeof rateChatBody>;

/** Transfer to one colleague (toStaffId) or back to the county centre's queue (toCentre). */
export const transferChatBody = z
  .object({
    toStaffId: uuid.optional(),
    toCentre: z.boolean().optional(),
    note: z.string().trim().min(1, { error: "请写一句交接说明" }).max(1000, { error: "交接说明不能超过 1000 个字" }),
  })
  .refine((value) => Boolean(value.toStaffId) !== Boolean(value.toCentre), { error: "请选择转给一位同事，或转回县中心" });
export type TransferChatBody = z.infer<typeof transferChatBody>;

/** POST /chats/:id/end: the contact record (channel "online"), same taxonomy and risk levels as the hotline. */
export const endChatBody = z.object({ outcome: contactRecordBody });
export type EndChatBody = z.infer<typeof endChatBody>;

export const chatNoteBody = z.object({ body: z.string().trim().min(1, { error: "请填写备注" }).max(4000, { error: "备注不能超过 4000 个字" }) });
export type ChatNoteBody = z.infer<typeof chatNoteBody>;

export const chatMessagesQuery = z.object({
  afterSeq: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(chatResumePageSize).default(chatResumePageSize),
});

export const cannedReplyBody = z.object({
  title: z.string().trim().min(1, { error: "请填写标题" }).max(40, { error: "标题不能超过 40 个字" }),
  body: z.string().trim().min(1, { error: "请填写内容" }).max(chatMessageMaxChars, { error: `内容不能超过 ${chatMessageMaxChars} 个字` }),
  /** County-wide replies (全县常用语) are managed by centre admins and supervisors. */
  countyWide: z.boolean().optional(),
});
export type CannedReplyBody = z.infer<typeof cannedReplyBody>;
export const updateCannedReplyBody = cannedReplyBody.partial().omit({ countyWide: true });
export type UpdateCannedReplyBody = z.infer<typeof updateCannedReplyBody>;

/** A message as the student sees it: no staff names, no risk flags. */
export interface UserChatMessageView {
  conversationId: string;
  seq: number;
  clientMessageId: string;
  from: ChatSender;
  /** Plain text. Render escaped; never as HTML, links or images. */
  body: string;
  createdAt: string;
}

/** A message as staff see it: which colleague wrote it and what detection found in a student's line. */
export interface StaffChatMessageView extends UserChatMessageView {
  staffName: string | null;
  riskLevel: RiskLevel | null;
  riskCategories: StoredRiskSignalCategory[];
}

export type ChatMessageView = UserChatMessageView | StaffChatMessageView;

/** Read and delivered cursors of both sides: the last seq that side has received / seen. */
export interface ChatCursorsView {
  user: { deliveredSeq: number; readSeq: number };
  staff: { deliveredSeq: number; readSeq: number };
}

/** The student's view of one of their conversations. */
export interface UserConversationView {
  id: string;
  alias: string;
  status: ConversationStatus;
  /** 1 = next in line; null unless waiting. */
  queuePosition: number | null;
  /** Kept for the next shift because nobody was on duty. */
  heldForNextShift: boolean;
  /** A counsellor is with the student now: assigned and has opened the chat. */
  withCounsellor: boolean;
  /** Assigned to a counsellor who has not opened the chat yet: "已为你找到老师，老师马上就来". */
  counsellorComing: boolean;
  lastSeq: number;
  cursors: ChatCursorsView;
  lastMessagePreview: string | null;
  createdAt: string;
  closedAt: string | null;
  closedBy: "user" | "staff" | "system" | null;
  rating: { score: number; comment: string | null } | null;
  canRate: boolean;
  /** A WeChat reminder is set for the next counsellor message that arrives while the student is away. */
  replyReminder: boolean;
}

/** A staff member's view. Never carries the user's id, openid or phone: only the alias. */
export interface StaffConversationView {
  id: string;
  alias: string;
  status: ConversationStatus;
  riskLevel: RiskLevel;
  riskCategories: StoredRiskSignalCategory[];
  assignedStaffId: string | null;
  assignedStaffName: string | null;
  queuedAt: string;
  queuePosition: number | null;
  returnedToQueue: boolean;
  queueTarget: "any" | "county_centre";
  heldForNextShift: boolean;
  acceptedAt: string | null;
  lastSeq: number;
  lastActivityAt: string;
  cursors: ChatCursorsView;
  createdAt: string;
  closedAt: string | null;
  /** "account_deleted": the student deleted their account while it was open. */
  closeReason: ChatCloseReason | "account_deleted" | null;
  rating: { score: number; comment: string | null } | null;
  /** Earlier conversations of the same alias (open them through /chats/:id/earlier, audited). */
  earlierCount: number;
  /**
   * Ended (by the student, the idle timer, account deletion or a colleague's close) without its contact
   * record: a record task for the assigned counsellor, listed with their chats until the record is saved.
   */
  recordDue: boolean;
}

export type ChatCloseReason = "user_ended" | "staff_ended" | "idle";

/** One line of the chat queue as counsellors see it. */
export interface ChatQueueEntryView {
  conversationId: string;
  alias: string;
  position: number;
  riskLevel: RiskLevel;
  returnedToQueue: boolean;
  queueTarget: "any" | "county_centre";
  heldForNextShift: boolean;
  queuedAt: string;
}

export interface ChatNoteView {
  id: string;
  staffName: string;
  body: string;
  createdAt: string;
}

export interface ChatTransferView {
  id: string;
  /** "unopened": the assigned counsellor did not open it within CHAT_OPEN_TIMEOUT_SECONDS; it went on. */
  kind: "transfer" | "takeover" | "returned" | "unopened";
  fromStaffName: string | null;
  toStaffName: string | null;
  toCentre: boolean;
  note: string | null;
  createdAt: string;
}

export interface CannedReplyView {
  id: string;
  title: string;
  body: string;
  scope: "mine" | "county";
  /** Whether the caller may edit / delete it. */
  editable: boolean;
  updatedAt: string;
}

export type StartChatOutcome = "assigned" | "queued" | "held_for_next_shift" | "nobody_on_duty" | "already_open";

/** Answer of POST /me/chats. `notice` is the kind sentence to show the student as is. */
export interface StartChatResult {
  outcome: StartChatOutcome;
  conversation: UserConversationView | null;
  firstMessage: UserChatMessageView | null;
  notice: string;
  /** When nobody is on duty: lines to call, and a nudge towards the school mailbox. */
  helplines: ReadonlyArray<{ number: string; name: string; note: string }>;
  suggestMailbox: boolean;
}

/** Ack data of "chat:resume". Loop while hasMore, with afterSeq = the last seq received. */
export interface ChatResumeResult<M extends ChatMessageView = ChatMessageView> {
  messages: M[];
  hasMore: boolean;
  lastSeq: number;
  status: ConversationStatus;
  cursors: ChatCursorsView;
}

/** Student-facing status changes ("chat:status"). */
export interface ChatStatusNotice {
  conversationId: string;
  status: ConversationStatus;
  queuePosition: number | null;
  withCounsellor: boolean;
  /** Assigned, not yet opened by the counsellor. */
  counsellorComing: boolean;
  /** Nobody is on duty any more: it waits for the next shift (the stream says so, with the helplines). */
  heldForNextShift: boolean;
  /** Lines to call now; set while it waits with nobody on duty. */
  helplines: ReadonlyArray<{ number: string; name: string; note: string }>;
  /** Closed and the student may rate it (never after a high-risk chat). */
  canRate: boolean;
}

export interface ChatReceiptNotice {
  conversationId: string;
  /** Whose cursor moved. */
  side: ChatSide;
  deliveredSeq: number;
  readSeq: number;
}

export interface ChatTypingNotice {
  conversationId: string;
  side: ChatSide;
  typing: boolean;
}

/** Real-time alert to the assigned counsellor and on-duty supervisors. */
export interface ChatRiskAlert {
  conversationId: string;
  alias: string;
  riskLevel: RiskLevel;
  categories: RiskSignalCategory[];
  seq: number;
  status: ConversationStatus;
  at: string;
}

export interface ChatAssignmentNotice {
  conversationId: string;
  reason: "auto" | "picked" | "transfer" | "takeover" | "returned" | "closed";
}

/** The sentences the server writes into the stream as "system" lines. */
export const chatSystemLines = {
  counsellorJoined: "老师来了，你可以慢慢说，我们在听。",
  /** Assigned, before the counsellor has opened the chat: never "老师已经在这里了" yet. */
  counsellorFound: "已为你找到老师，老师马上就来。",
  /** The assigned counsellor did not come: honest, and the search goes on. */
  counsellorDidNotCome: "这位老师暂时没能过来，我们正在为你安排其他老师，请稍等。",
  /** The last counsellor on duty went away while the student waited. */
  nobodyLeft: "现在没有老师在线值班了。你的话我们替你留着，下一班老师上线后会第一时间回复你。如果现在很难受，请拨打 12356 心理援助热线，有危险请马上拨打 110 或 120。",
  transferred: "另一位老师将继续陪伴你。",
  returnedToQueue: "老师的网络暂时断开了，我们正在为你安排另一位老师，请稍等。",
  idleReminder: "你还在吗？如果想继续聊，发一条消息就好；一段时间没有消息的话，对话会自动结束。",
  closedIdle: "因为有一段时间没有消息，这次对话先结束了。想聊的时候随时可以再来找我们。",
  closedByUser: "同学结束了这次对话。",
  /** The student tapped 快速离开 (someone may be near): said to the counsellor calmly, never as an alarm. */
  leftQuickly: "同学暂时离开了页面，可能身边有人。对话还在，TA 回来时能看到你的消息。",
  closedByStaff: "老师结束了这次对话。谢谢你愿意来聊，想聊的时候随时可以再来。",
  /** Shown once, when a student's words first suggest serious risk: help right now, never a label. */
  safetyNote: "谢谢你愿意说出来。如果你现在有伤害自己的念头，或者身边有危险，请马上拨打 12356（心理援助热线），紧急时拨打 110 或 120。你不是一个人。",
} as const;
