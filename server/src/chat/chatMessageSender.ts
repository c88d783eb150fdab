import { and, count, eq, gt, sql } from "drizzle-orm";
import { chatMessageMaxChars, type ChatMessageView, type SendChatMessageInput } from "@xinyuan/shared";
import { chatMessages } from "../db/schema";
import type { Services } from "../services";
import type { DbOrTx } from "../db/database";
import type { Actor } from "../auth/actor";
import { AppError, RateLimitedError } from "../http/errors";
import { retryTransaction } from "../db/retryTransaction";
import { detectRisk } from "../risk/riskDetector";
import { appendChatMessage, type ChatMessageRow } from "./chatMessageWriter";
import { ChatEffects } from "./chatEffects";
import { flushChatEffects } from "./chatEffectsFlusher";
import { raiseChatRiskAlerts } from "./chatRiskAlerts";
import { authorizeSend } from "./chatPolicy";
import { presentStaffMessages, presentUserMessage } from "./presentChatMessage";

/** Refuses empty and over-long bodies before anything is stored. */
export function checkMessageBody(body: string): void {
  if (body.trim().length === 0) throw new AppError(400, "CHAT_MESSAGE_EMPTY");
  if ([...body].length > chatMessageMaxChars) throw new AppError(413, "CHAT_MESSAGE_TOO_LONG", undefined, { maxChars: chatMessageMaxChars });
}

/**
 * Per-sender limit (CHAT_MESSAGES_PER_SECOND, ~3): counted from stored messages, so it holds across
 * server processes. Checked after the resend lookup, so a resend of a stored message never counts.
 */
export async function checkRate(tx: DbOrTx, services: Services, sender: { type: "user" | "staff"; id: string }): Promise<void> {
  // One count at a time per sender: a counsellor writes into several conversations, whose row locks do
  // not serialise each other, so simultaneous sends would each count before the others insert.
  // (Taken after the conversation's row lock, and nothing takes them the other way round.)
  if (sender.type === "staff") await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`chat-rate:${sender.id}`}))`);
  const now = services.clock.now();
  const [row] = await tx
    .select({ count: count() })
    .from(chatMessages)
    .where(and(eq(chatMessages.senderType, sender.type), eq(chatMessages.senderId, sender.id), gt(chatMessages.createdAt, new Date(now.getTime() - 1000))));
  if (Number(row?.count ?? 0) >= services.config.chat.messagesPerSecond) throw RateLimitedError(1);
}

/**
 * "chat:send": finds a resent clientMessageId's stored message first, otherwise checks membership and
 * the rate, stores the message with the next seq and detects risk in a student's words; commits, tells both sides, then answers with the stored message and its seq.
 */
export async function chatMessageSender(props: { services: Services; actor: Actor; input: SendChatMessageInput }): Promise<ChatMessageView> {
  const { services, actor, input } = props;
  const { db, cipher, clock } = services;
  const sender = { type: actor.type, id: actor.id } as const;
  const present = async (row: ChatMessageRow): Promise<ChatMessageView> => (actor.type === "user" ? presentUserMessage(row, cipher) : (await presentStaffMessages(db, cipher, [row]))[0]!);

  checkMessageBody(input.body);
  const risk = actor.type === "user" ? detectRisk(input.body) : undefined;
  let effects = new ChatEffects();
  const { message } = await retryTransaction(() =>
    db.transaction(async (tx) => {
      effects = new ChatEffects();
      const appended = await appendChatMessage(tx, cipher, { conversationId: input.conversationId, sender, clientMessageId: input.clientMessageId, body: input.body, now: clock.now(), risk, authorize: (locked) => authorizeSend(actor, locked), beforeInsert: (inner) => checkRate(inner, services, sender) }, effects);
      await raiseChatRiskAlerts(tx, services, effects);
      return appended;
    }),
  );
  await flushChatEffects(services, effects);
  return present(message);
}
