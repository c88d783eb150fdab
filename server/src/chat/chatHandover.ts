import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { chatSystemLines, type TransferChatBody } from "@xinyuan/shared";
import { chatTransfers, conversations, staff, staffPresence } from "../db/schema";
import type { DbOrTx } from "../db/database";
import type { Services } from "../services";
import type { StaffActor } from "../auth/actor";
import { hasRole } from "../auth/actor";
import { recordAudit, type AuditOrigin } from "../audit/recordAudit";
import { AppError, ForbiddenError, NotFoundError } from "../http/errors";
import { isStaffAvailable } from "../presence/dutyState";
import { activeLoads, lockConversation, type ConversationRow } from "./conversationQueries";
import { assignConversation } from "./chatAssignment";
import { appendSystemLine } from "./chatMessageWriter";
import type { ChatEffects } from "./chatEffects";
import { runChatCommand } from "./chatEffectsFlusher";
import { canSuperviseChats, isCounsellingStaff } from "./chatPolicy";
import { sealed } from "../crypto/sealedColumns";

/** Locks a counsellor's presence row (before any conversation row: the one lock order) and checks room. */
async function lockCapacity(tx: DbOrTx, staffId: string): Promise<{ capacity: number; load: number } | undefined> {
  const [row] = await tx.select({ capacity: staffPresence.chatCapacity }).from(staffPresence).where(eq(staffPresence.staffId, staffId)).for("update");
  if (!row) return undefined;
  const load = (await activeLoads(tx, [staffId])).get(staffId) ?? 0;
  return { capacity: row.capacity, load };
}

/** The assigned counsellor is there now: the student reads "老师来了" (once) instead of "老师马上就来". */
async function markOpened(tx: DbOrTx, services: Services, conversation: ConversationRow, now: Date, effects: ChatEffects): Promise<void> {
  if (conversation.acceptedAt) return;
  await tx.update(conversations).set({ acceptedAt: now }).where(eq(conversations.id, conversation.id));
  await appendSystemLine(tx, services.cipher, conversation.id, chatSystemLines.counsellorJoined, now, effects);
  effects.statusChanged.add(conversation.id);
}

/**
 * The assigned counsellor opened the chat in the admin (GET /chats/:id): from now on the student reads
 * that the counsellor is there, and the open timeout (CHAT_OPEN_TIMEOUT_SECONDS) no longer applies.
 * Anyone else opening it changes nothing.
 */
export async function chatOpener(props: { services: Services; actor: StaffActor; conversation: ConversationRow }): Promise<ConversationRow> {
  const { services, actor, conversation: seen } = props;
  if (seen.assignedStaffId !== actor.id || seen.status !== "active" || seen.acceptedAt) return seen;
  let opened = seen;
  await runChatCommand(services, async (tx, effects, now) => {
    const conversation = await lockConversation(tx, seen.id);
    opened = conversation;
    if (conversation.assignedStaffId !== actor.id || conversation.status !== "active" || conversation.acceptedAt) return;
    await markOpened(tx, services, conversation, now, effects);
    opened = { ...conversation, acceptedAt: now };
  });
  return opened;
}

/**
 * A counsellor accepts: picks a waiting conversation from the queue (on duty, within capacity,
 * county-level for chats sent to the centre), or confirms one the router gave them. Idempotent.
 */
export async function chatAccepter(props: { services: Services; actor: StaffActor; conversationId: string }): Promise<void> {
  const { services, actor, conversationId } = props;
  if (!isCounsellingStaff(actor)) throw ForbiddenError();
  await runChatCommand(services, async (tx, effects, now) => {
    const capacity = await lockCapacity(tx, actor.id);
    const conversation = await lockConversation(tx, conversationId);
    if (conversation.assignedStaffId === actor.id && conversation.status === "active") {
      await markOpened(tx, services, conversation, now, effects);
      return;
    }
    if (conversation.status === "closed") throw new AppError(409, "CHAT_CLOSED");
    if (conversation.status === "active") throw new AppError(409, "CHAT_ALREADY_TAKEN");
    if (!capacity || !(await isStaffAvailable(tx, actor.id, "chat", now))) throw new AppError(409, "CHAT_NOT_ON_DUTY");
    if (conversation.queueTarget === "county_centre" && actor.scope.level !== "county") throw new AppError(403, "CHAT_CENTRE_ONLY");
    if (capacity.load >= capacity.capacity) throw new AppError(409, "CHAT_CAPACITY_FULL");
    await assignConversation(tx, services.cipher, conversation, actor.id, "picked", now, effects);
  });
}

/**
 * The assigned counsellor hands the chat to an available colleague (within their capacity) or back to
 * the county centre's queue, ahead of new chats. The note is for staff only (encrypted); the student
 * reads only "另一位老师将继续陪伴你".
 */
export async function chatTransferer(props: { services: Services; actor: StaffActor; conversationId: string; body: TransferChatBody; origin: AuditOrigin }): Promise<void> {
  const { services, actor, conversationId, body, origin } = props;
  const target = body.toStaffId;
  if (target === actor.id) throw new AppError(400, "CHAT_TRANSFER_TARGET_UNAVAILABLE");
  await runChatCommand(services, async (tx, effects, now) => {
    const targetCapacity = target ? await lockCapacity(tx, target) : undefined;
    const conversation = await lockConversation(tx, conversationId);
    if (conversation.assignedStaffId !== actor.id) throw NotFoundError("CHAT_NOT_FOUND");
    if (conversation.status !== "active") throw new AppError(409, conversation.status === "closed" ? "CHAT_CLOSED" : "CHAT_NOT_ACTIVE");
    const transferId = randomUUID();
    const transfer = { id: transferId, conversationId: conversation.id, kind: "transfer", fromStaffId: actor.id, noteEnc: services.cipher.encrypt(body.note, sealed.chatTransferNote.at({ id: transferId })), createdAt: now };
    if (target) {
      const [colleague] = await tx.select({ id: staff.id }).from(staff).where(and(eq(staff.id, target), eq(staff.status, "active"), sql`'counsellor' = ANY(${staff.roles})`)).limit(1);
      const available = colleague && targetCapacity && (await isStaffAvailable(tx, target, "chat", now));
      if (!available || targetCapacity.load >= targetCapacity.capacity) throw new AppError(409, "CHAT_TRANSFER_TARGET_UNAVAILABLE");
      await tx.insert(chatTransfers).values({ ...transfer, toStaffId: target, toCentre: false });
      await assignConversation(tx, services.cipher, conversation, target, "transfer", now, effects);
    } else {
      await tx.insert(chatTransfers).values({ ...transfer, toStaffId: null, toCentre: true });
      await tx
        .update(conversations)
        .set({ status: "waiting", assignedStaffId: null, acceptedAt: null, queueTarget: "county_centre", returnedToQueue: true, staffAbsentSince: null })
        .where(eq(conversations.id, conversation.id));
      await appendSystemLine(tx, services.cipher, conversation.id, chatSystemLines.transferred, now, effects);
      effects.unassigned.push({ staffId: actor.id, conversationId: conversation.id, reason: "transfer" });
      effects.statusChanged.add(conversation.id);
      effects.queueChanged = true;
      effects.dispatch = true;
    }
    await recordAudit(tx, origin, { action: "chat.transfer", targetType: "conversation", targetId: conversation.id, detail: { toStaffId: target ?? null, toCentre: !target } });
  });
}

/** A supervisor takes over any open conversation (beyond capacity: they step in). Audited. */
export async function chatTakeOver(props: { services: Services; actor: StaffActor; conversationId: string; origin: AuditOrigin }): Promise<void> {
  const { services, actor, conversationId, origin } = props;
  if (!canSuperviseChats(actor)) throw ForbiddenError();
  await runChatCommand(services, async (tx, effects, now) => {
    const conversation = await lockConversation(tx, conversationId);
    if (conversation.status === "closed") throw new AppError(409, "CHAT_CLOSED");
    if (conversation.assignedStaffId === actor.id) return;
    await tx.insert(chatTransfers).values({ conversationId: conversation.id, kind: "takeover", fromStaffId: conversation.assignedStaffId, toStaffId: actor.id, createdAt: now });
    await assignConversation(tx, services.cipher, conversation, actor.id, "takeover", now, effects);
    await recordAudit(tx, origin, { action: "chat.supervise.takeover", targetType: "conversation", targetId: conversation.id, detail: { fromStaffId: conversation.assignedStaffId } });
  });
}
