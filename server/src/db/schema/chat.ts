import { sql } from "drizzle-orm";
import { bigserial, boolean, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { appUsers, staff } from "./identity";

/**
 * One anonymous chat between a mini-program user and a counsellor. `lastSeq` is the per-conversation
 * message counter: a sender locks the row, increments it and inserts the message in one transaction.
 * At most one open (waiting or active) conversation per user (partial unique index).
 */
export const conversations = pgTable(
  "conversations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id").notNull().references(() => appUsers.id),
    assignedStaffId: uuid("assigned_staff_id").references(() => staff.id),
    /** waiting | active | closed */
    status: text("status").notNull().default("waiting"),
    /** Contact risk level (shared contacts.ts); raised by detection, never lowered automatically. */
    riskLevel: text("risk_level").notNull().default("none"),
    riskCategories: text("risk_categories").array().notNull().default([]),
    riskRaisedAt: timestamp("risk_raised_at", { withTimezone: true }),
    /** When the conversation (re-)entered the queue. */
    queuedAt: timestamp("queued_at", { withTimezone: true }).notNull(),
    /** Came back to the queue (counsellor gone, transfer to the centre): ahead of new chats. */
    returnedToQueue: boolean("returned_to_queue").notNull().default(false),
    /** any | county_centre (only county-level counsellors take it). */
    queueTarget: text("queue_target").notNull().default("any"),
    /** Started while nobody was on duty, kept as the opening of a chat for the next shift. */
    heldForNextShift: boolean("held_for_next_shift").notNull().default(false),
    lastSeq: integer("last_seq").notNull().default(0),
    /**
     * The student's opt-in WeChat address (encrypted openid) for one "a counsellor replied" reminder,
     * sent when a counsellor writes while the student has no live connection. Erased when it is sent or
     * the chat closes (see chat/chatReplyReminder.ts).
     */
    notifyOpenidEnc: text("notify_openid_enc"),
    lastActivityAt: timestamp("last_activity_at", { withTimezone: true }).notNull(),
    idleReminderSentAt: timestamp("idle_reminder_sent_at", { withTimezone: true }),
    /** First time the background job saw the assigned counsellor without a live connection. */
    staffAbsentSince: timestamp("staff_absent_since", { withTimezone: true }),
    assignedAt: timestamp("assigned_at", { withTimezone: true }),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    /** user | staff | system */
    closedBy: text("closed_by"),
    /** user_ended | staff_ended | idle */
    closeReason: text("close_reason"),
    rating: integer("rating"),
    ratingCommentEnc: text("rating_comment_enc"),
    ratedAt: timestamp("rated_at", { withTimezone: true }),
    /** The contact record written when a counsellor ended the chat. */
    contactRecordId: uuid("contact_record_id"),
    /** A counsellor's first message, set by a database trigger on chat_messages (statistics: first-response time). */
    firstReplyAt: timestamp("first_reply_at", { withTimezone: true }),
    /** Set by retention/ when the period ran out: the text is erased, the row and its figures stay. */
    contentErasedAt: timestamp("content_erased_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (table) => [
    uniqueIndex("conversations_one_open_per_user").on(table.userId).where(sql`status <> 'closed'`),
    index("conversations_queue_idx").on(table.status, table.queuedAt),
    index("conversations_staff_idx").on(table.assignedStaffId, table.status),
    index("conversations_user_idx").on(table.userId, table.createdAt),
    /** Statistics: chats started in a period, with the first reply and rating, read from the index alone. */
    index("conversations_stats_idx").on(table.createdAt, table.firstReplyAt, table.rating),
  ],
);

/**
 * Messages of a conversation, numbered by seq. (conversation, sender, clientMessageId) is unique, so a
 * resend after a lost ack finds the stored message instead of making a second one. Bodies are encrypted.
 */
export const chatMessages = pgTable(
  "chat_messages",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    conversationId: uuid("conversation_id").notNull().references(() => conversations.id),
    seq: integer("seq").notNull(),
    /** user | staff | system */
    senderType: text("sender_type").notNull(),
    senderId: uuid("sender_id"),
    clientMessageId: text("client_message_id").notNull(),
    bodyEnc: text("body_enc").notNull(),
    /** What detection found in a student's message (null for staff and system lines). */
    riskLevel: text("risk_level"),
    riskCategories: text("risk_categories").array().notNull().default([]),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (table) => [
    uniqueIndex("chat_messages_seq_idx").on(table.conversationId, table.seq),
    uniqueIndex("chat_messages_client_id_idx").on(table.conversationId, table.senderType, table.senderId, table.clientMessageId),
    index("chat_messages_sender_idx").on(table.senderType, table.senderId, table.createdAt),
  ],
);

/** Delivered and read cursors of each side (user / staff): the last seq that side received / saw. */
export const chatCursors = pgTable(
  "chat_cursors",
  {
    conversationId: uuid("conversation_id").notNull().references(() => conversations.id),
    side: text("side").notNull(),
    deliveredSeq: integer("delivered_seq").notNull().default(0),
    readSeq: integer("read_seq").notNull().default(0),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.conversationId, table.side] })],
);

/** Counsellors' private notes on a conversation (never shown to the student). Encrypted. */
export const chatNotes = pgTable(
  "chat_notes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    conversationId: uuid("conversation_id").notNull().references(() => conversations.id),
    staffId: uuid("staff_id").notNull().references(() => staff.id),
    bodyEnc: text("body_enc").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (table) => [index("chat_notes_conversation_idx").on(table.conversationId, table.createdAt)],
);

/** 常用语: a counsellor's own (ownerStaffId) or county-wide (ownerStaffId null). */
export const chatCannedReplies = pgTable(
  "chat_canned_replies",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ownerStaffId: uuid("owner_staff_id").references(() => staff.id),
    title: text("title").notNull(),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
  },
  (table) => [index("chat_canned_replies_owner_idx").on(table.ownerStaffId)],
);

/** Hand-overs: a transfer to a colleague or the centre, a supervisor's take-over, a return to the queue. */
export const chatTransfers = pgTable(
  "chat_transfers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    conversationId: uuid("conversation_id").notNull().references(() => conversations.id),
    /** transfer | takeover | returned */
    kind: text("kind").notNull(),
    fromStaffId: uuid("from_staff_id").references(() => staff.id),
    toStaffId: uuid("to_staff_id").references(() => staff.id),
    toCentre: boolean("to_centre").notNull().default(false),
    noteEnc: text("note_enc"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (table) => [index("chat_transfers_conversation_idx").on(table.conversationId, table.createdAt)],
);

/** A stored chat message as read from the database. */
export type ChatMessageRow = typeof chatMessages.$inferSelect;
