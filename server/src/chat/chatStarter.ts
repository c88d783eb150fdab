import { and, eq, ne } from "drizzle-orm";
import { chatSystemLines, riskLevelRank, type StartChatBody, type StartChatResult, type UserChatMessageView } from "@xinyuan/shared";
import { conversations } from "../db/schema";
import type { Services } from "../services";
import type { UserActor } from "../auth/actor";
import { requireCounsellingConsent } from "../users/counsellingConsent";
import { availableStaffIds } from "../presence/dutyState";
import { retryTransaction } from "../db/retryTransaction";
import { detectRisk, type RiskAssessment } from "../risk/riskDetector";
import { appendChatMessage } from "./chatMessageWriter";
import { ChatEffects } from "./chatEffects";
import { flushChatEffects } from "./chatEffectsFlusher";
import { raiseChatRiskAlerts } from "./chatRiskAlerts";
import { dispatchChatQueue } from "./chatDispatcher";
import { checkMessageBody, checkRate } from "./chatMessageSender";
import { AppError } from "../http/errors";
import { findConversation, type ConversationRow } from "./conversationQueries";
import { presentUserMessage } from "./presentChatMessage";
import { presentUserConversation } from "./presentConversation";
import { authorizeSend } from "./chatPolicy";
import { chatHelplines } from "./chatHelplines";

const notices = {
  /** Assigned by the router: the counsellor has not opened the chat yet (chatOpener says when they have). */
  assigned: chatSystemLines.counsellorFound,
  queued: (position: number) => `老师们正在陪伴其他同学，你现在排在第 ${position} 位。请稍等一会儿，我们不会走开。`,
  held: "现在没有老师在线值班。你想说的话已经替你留好了，下一班老师上线后会第一时间回复你。如果现在就很难受，请拨打下面的电话，随时有人接听。",
  nobody: "现在没有老师在线值班。如果你现在很难受，可以拨打下面的电话，随时有人接听；也可以给学校的心理信箱写信；或者把想说的话留下来，下一班老师上线后会回复你。",
  alreadyOpen: "你有一次咨询还没有结束，我们接着聊。",
  danger: "如果你现在有危险，请马上拨打 110 或 120。",
} as const;

const helplinesFor = chatHelplines;

async function openConversationOf(services: Services, userId: string): Promise<ConversationRow | undefined> {
  const [row] = await services.db.select().from(conversations).where(and(eq(conversations.userId, userId), ne(conversations.status, "closed"))).limit(1);
  return row;
}

/**
 * Starts a chat for a student or parent (consent checked first). With counsellors on duty the
 * conversation joins the queue and the router places it at once when someone has room; with nobody on
 * duty nothing is stored unless the student asks to keep their words for the next shift. A second
 * start while one is open returns that one (and adds the first message to it, idempotently).
 */
export async function chatStarter(props: { services: Services; actor: UserActor; body: StartChatBody }): Promise<StartChatResult> {
  const { services, actor, body } = props;
  const { db, cipher, clock } = services;
  await requireCounsellingConsent(db, actor);
  if (body.firstMessage) checkMessageBody(body.firstMessage.body);
  const risk: RiskAssessment | undefined = body.firstMessage ? detectRisk(body.firstMessage.body) : undefined;
  const danger = risk !== undefined && riskLevelRank[risk.level] >= riskLevelRank.high;

  const existing = await openConversationOf(services, actor.id);
  const nobodyOnDuty = (await availableStaffIds(db, "chat", clock.now())).length === 0;
  if (!existing && nobodyOnDuty && !body.keepForNextShift) {
    return { outcome: "nobody_on_duty", conversation: null, firstMessage: null, notice: danger ? `${notices.danger}${notices.nobody}` : notices.nobody, helplines: helplinesFor(services), suggestMailbox: true };
  }

  let effects = new ChatEffects();
  // The open chat was read before this transaction: if it closed meanwhile (idle, the other device),
  // start afresh instead of failing or answering with a closed chat.
  const closedMeanwhile = (error: unknown) => existing !== undefined && error instanceof AppError && error.code === "CHAT_CLOSED";
  const started = await retryTransaction(() =>
    db.transaction(async (tx) => {
      effects = new ChatEffects();
      const now = clock.now();
      let conversationId = existing?.id;
      if (!conversationId) {
        const [inserted] = await tx
          .insert(conversations)
          .values({ userId: actor.id, status: "waiting", heldForNextShift: nobodyOnDuty, queuedAt: now, lastActivityAt: now, createdAt: now })
          .onConflictDoNothing()
          .returning({ id: conversations.id });
        conversationId = inserted?.id;
        if (!conversationId) return { conversationId: undefined, firstMessage: undefined };
        effects.queueChanged = true;
        effects.statusChanged.add(conversationId);
      }
      const first = body.firstMessage
        ? await appendChatMessage(tx, cipher, { conversationId, sender: { type: "user", id: actor.id }, clientMessageId: body.firstMessage.clientMessageId, body: body.firstMessage.body, now, risk, authorize: (locked) => authorizeSend(actor, locked), beforeInsert: (inner) => checkRate(inner, services, { type: "user", id: actor.id }) }, effects)
        : undefined;
      await raiseChatRiskAlerts(tx, services, effects);
      return { conversationId, firstMessage: first?.message };
    }),
  ).catch((error: unknown) => {
    if (closedMeanwhile(error)) return { conversationId: undefined, firstMessage: undefined };
    throw error;
  });
  if (!started.conversationId) return chatStarter({ services, actor, body });
  await flushChatEffects(services, effects);
  if (!nobodyOnDuty) await dispatchChatQueue(services);

  const conversation = (await findConversation(db, started.conversationId))!;
  if (existing && conversation.status === "closed") return chatStarter({ services, actor, body });
  const view = await presentUserConversation(db, cipher, conversation);
  const firstMessage: UserChatMessageView | null = started.firstMessage ? presentUserMessage(started.firstMessage, cipher) : null;
  const outcome: StartChatResult["outcome"] = existing ? "already_open" : conversation.status === "active" ? "assigned" : conversation.heldForNextShift ? "held_for_next_shift" : "queued";
  const text = outcome === "assigned" ? notices.assigned : outcome === "queued" ? notices.queued(view.queuePosition ?? 1) : outcome === "held_for_next_shift" ? notices.held : notices.alreadyOpen;
  return {
    outcome,
    conversation: view,
    firstMessage,
    notice: danger && outcome !== "assigned" ? `${notices.danger}${text}` : text,
    helplines: outcome === "held_for_next_shift" || danger ? helplinesFor(services) : [],
    suggestMailbox: outcome === "held_for_next_shift",
  };
}
