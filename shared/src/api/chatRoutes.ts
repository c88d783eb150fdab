import { defineRoute } from "./contract";
import { cannedReplyBody, chatMessagesQuery, chatNoteBody, endChatBody, rateChatBody, chatReminderBody, startChatBody, transferChatBody, updateCannedReplyBody } from "../chat";

/**
 * Chat (在线咨询) routes. Messages themselves go over socket.io ("chat:send", "chat:resume"); these
 * routes start, route, hand over and end conversations. See ../chat.ts for the delivery model.
 */
export const chatRoutes = {
  // the student / parent (mini-program)
  startChat: defineRoute({ method: "post", path: "/me/chats", summary: "发起在线咨询（可带第一条消息；无人值班时可留给下一班）", tag: "chat", audience: "user", body: startChatBody }),
  listMyChats: defineRoute({ method: "get", path: "/me/chats", summary: "我的咨询记录（以我的化名）", tag: "chat", audience: "user" }),
  getMyChat: defineRoute({ method: "get", path: "/me/chats/:id", summary: "我的一次咨询（状态、排队位置）", tag: "chat", audience: "user" }),
  listMyChatMessages: defineRoute({ method: "get", path: "/me/chats/:id/messages", summary: "我的一次咨询的消息（afterSeq 之后，按顺序）", tag: "chat", audience: "user", query: chatMessagesQuery }),
  /** UserConversationView. The counsellor reads chatSystemLines.leftQuickly in the chat (once, not again while it is the last line); the chat stays open. */
  noteMyQuickExit: defineRoute({ method: "post", path: "/me/chats/:id/quick-exit", summary: "快速离开（告诉老师同学暂时离开了，对话不结束）", tag: "chat", audience: "user" }),
  endMyChat: defineRoute({ method: "post", path: "/me/chats/:id/end", summary: "结束咨询（随时可以）", tag: "chat", audience: "user" }),
  /** UserConversationView. Errors: CHAT_REMINDER_FAILED, CHAT_CLOSED, CHAT_NOT_FOUND. Idempotent: a second call replaces the address. */
  remindMeOnReply: defineRoute({ method: "post", path: "/me/chats/:id/reminder", summary: "老师回复时用微信提醒我（一次）", tag: "chat", audience: "user", body: chatReminderBody }),
  rateMyChat: defineRoute({ method: "post", path: "/me/chats/:id/rating", summary: "评价这次咨询（1–5 分和留言）", tag: "chat", audience: "user", body: rateChatBody }),

  // counsellors and supervisors (admin)
  listChatQueue: defineRoute({ method: "get", path: "/chats/queue", summary: "在线咨询排队列表", tag: "chat", audience: "staff", roles: ["counsellor", "supervisor"] }),
  listMyAssignedChats: defineRoute({ method: "get", path: "/chats/assigned", summary: "我正在接待的咨询", tag: "chat", audience: "staff", roles: ["counsellor", "supervisor"] }),
  listLiveChats: defineRoute({ method: "get", path: "/chats/live", summary: "全部进行中的咨询（督导）", tag: "chat", audience: "staff", roles: ["supervisor"] }),
  getChat: defineRoute({ method: "get", path: "/chats/:id", summary: "一次咨询（接待老师；督导只读，留痕）", tag: "chat", audience: "staff", roles: ["counsellor", "supervisor"] }),
  listChatMessages: defineRoute({ method: "get", path: "/chats/:id/messages", summary: "一次咨询的消息（afterSeq 之后，按顺序）", tag: "chat", audience: "staff", roles: ["counsellor", "supervisor"], query: chatMessagesQuery }),
  acceptChat: defineRoute({ method: "post", path: "/chats/:id/accept", summary: "接待：从队列中领取，或确认系统分配", tag: "chat", audience: "staff", roles: ["counsellor", "supervisor"] }),
  transferChat: defineRoute({ method: "post", path: "/chats/:id/transfer", summary: "转给同事或转回县中心（附交接说明）", tag: "chat", audience: "staff", roles: ["counsellor", "supervisor"], body: transferChatBody }),
  endChat: defineRoute({ method: "post", path: "/chats/:id/end", summary: "结束咨询并填写记录", tag: "chat", audience: "staff", roles: ["counsellor", "supervisor"], body: endChatBody }),
  takeOverChat: defineRoute({ method: "post", path: "/chats/:id/take-over", summary: "督导接手咨询", tag: "chat", audience: "staff", roles: ["supervisor"] }),
  listChatTransfers: defineRoute({ method: "get", path: "/chats/:id/transfers", summary: "转接记录与交接说明", tag: "chat", audience: "staff", roles: ["counsellor", "supervisor"] }),
  listChatNotes: defineRoute({ method: "get", path: "/chats/:id/notes", summary: "咨询私密备注（仅工作人员可见）", tag: "chat", audience: "staff", roles: ["counsellor", "supervisor"] }),
  addChatNote: defineRoute({ method: "post", path: "/chats/:id/notes", summary: "添加私密备注", tag: "chat", audience: "staff", roles: ["counsellor", "supervisor"], body: chatNoteBody }),
  listEarlierChats: defineRoute({ method: "get", path: "/chats/:id/earlier", summary: "同一化名的以往咨询（留痕）", tag: "chat", audience: "staff", roles: ["counsellor", "supervisor"] }),
  listEarlierChatMessages: defineRoute({ method: "get", path: "/chats/:id/earlier/:earlierId/messages", summary: "同一化名的以往咨询消息（留痕）", tag: "chat", audience: "staff", roles: ["counsellor", "supervisor"], query: chatMessagesQuery }),

  // canned replies (常用语)
  listCannedReplies: defineRoute({ method: "get", path: "/chat-replies", summary: "常用语（我的和全县的）", tag: "chat", audience: "staff", roles: ["counsellor", "supervisor", "centre_admin"] }),
  createCannedReply: defineRoute({ method: "post", path: "/chat-replies", summary: "新建常用语", tag: "chat", audience: "staff", roles: ["counsellor", "supervisor", "centre_admin"], body: cannedReplyBody }),
  updateCannedReply: defineRoute({ method: "patch", path: "/chat-replies/:id", summary: "修改常用语", tag: "chat", audience: "staff", roles: ["counsellor", "supervisor", "centre_admin"], body: updateCannedReplyBody }),
  deleteCannedReply: defineRoute({ method: "delete", path: "/chat-replies/:id", summary: "删除常用语", tag: "chat", audience: "staff", roles: ["counsellor", "supervisor", "centre_admin"] }),
} as const;
