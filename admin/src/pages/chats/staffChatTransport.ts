import type { ChatAnswer, ChatTransport, StaffChatMessageView } from "@xinyuan/shared";
import { asApiError } from "../../hooks/useAsync";
import { emitWithAck } from "../../realtime/realtimeClient";

/** A counsellor with the conversation, or a supervisor following it read-only. */
export type ConversationMode = "assigned" | "watch";

/** The admin socket's "no answer" codes in the shared retry rule's words: nothing was refused. */
const noAnswer: Record<string, string> = { REALTIME_OFFLINE: "DISCONNECTED", REALTIME_TIMEOUT: "TIMEOUT", CLIENT_ERROR: "TIMEOUT" };

/** A refused or unanswered emit as the engine's answer, keeping retryAfterMs of a rate refusal. */
export function refusalOf(error: unknown): ChatAnswer<never> {
  const apiError = asApiError(error);
  const details = apiError.details as { retryAfterMs?: unknown } | undefined;
  const retryAfterMs = typeof details?.retryAfterMs === "number" ? details.retryAfterMs : undefined;
  return { ok: false, error: { code: noAnswer[apiError.code] ?? apiError.code, message: apiError.message, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) } };
}

/**
 * The shared chat engine's transport over the admin's socket. A supervisor watching reads through
 * "chat:watch" (audited, joins the watch room; the whole history in one answer) and never sends.
 */
export function staffChatTransport(mode: ConversationMode): ChatTransport<StaffChatMessageView> {
  return {
    send: (input) => emitWithAck("chat:send", input).then((data) => ({ ok: true as const, data: data as StaffChatMessageView }), refusalOf),
    resume: (input) =>
      mode === "watch"
        ? emitWithAck("chat:watch", { conversationId: input.conversationId }).then((data) => ({ ok: true as const, data: { ...data, hasMore: false } }), refusalOf)
        : emitWithAck("chat:resume", input).then((data) => ({ ok: true as const, data: { ...data, messages: data.messages as StaffChatMessageView[] } }), refusalOf),
  };
}
