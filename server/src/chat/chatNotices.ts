import { and, eq, inArray, sql } from "drizzle-orm";
import { appUsers, staff } from "../db/schema";
import type { DbOrTx } from "../db/database";
import type { Services } from "../services";
import { availableStaffIds } from "../presence/dutyState";
import type { ChatEffects } from "./chatEffects";
import { findConversation, queuePositions } from "./conversationQueries";
import { presentStaffMessage, presentUserMessage, staffNamesOf } from "./presentChatMessage";
import { counsellorsRoom, staffRoom, userRoom, watchRoom } from "./chatRooms";
import { sendChatReplyReminders } from "./chatReplyReminder";
import { chatHelplines } from "./chatHelplines";
import { ratingOffered } from "./presentConversation";

/** Supervisors on duty (either channel) with a live connection: they get risk alerts. */
export async function onDutySupervisorIds(db: DbOrTx, now: Date): Promise<string[]> {
  const ids = [...new Set([...(await availableStaffIds(db, "chat", now)), ...(await availableStaffIds(db, "hotline", now))])];
  if (ids.length === 0) return [];
  // county supervisors: the ones who may open and take over the chat the alert is about (canSuperviseChats)
  const rows = await db.select({ id: staff.id }).from(staff).where(and(inArray(staff.id, ids), sql`'supervisor' = ANY(${staff.roles})`, eq(staff.scopeLevel, "county")));
  return rows.map((row) => row.id);
}

/**
 * Sends the collected notices and the reply reminders. Never throws: the command already committed.
 * Routing the queue afterwards (effects.dispatch) is the flusher's part (chatEffectsFlusher.ts), so the
 * dispatcher can announce its own assignments without importing the flusher back.
 */
export async function sendChatNotices(services: Services, effects: ChatEffects): Promise<void> {
  try {
    await emitEffects(services, effects);
  } catch (error) {
    services.log.error({ err: error }, "chat notices failed");
  }
  // not awaited: a counsellor's acknowledgement must not wait for WeChat
  void sendChatReplyReminders(services, effects);
}

async function emitEffects(services: Services, effects: ChatEffects): Promise<void> {
  const { db, cipher, realtime, clock } = services;
  for (const notice of effects.unassigned) realtime.emit(staffRoom(notice.staffId), "chat:unassigned", { conversationId: notice.conversationId, reason: notice.reason });
  for (const notice of effects.assigned) realtime.emit(staffRoom(notice.staffId), "chat:assigned", { conversationId: notice.conversationId, reason: notice.reason });

  const names = await staffNamesOf(db, effects.messages.filter((message) => message.senderType === "staff").map((message) => message.senderId), effects.staffNames);
  const conversationCache = new Map<string, Awaited<ReturnType<typeof findConversation>>>();
  const conversationOf = async (id: string) => {
    if (!conversationCache.has(id)) conversationCache.set(id, await findConversation(db, id));
    return conversationCache.get(id);
  };
  for (const message of effects.messages) {
    const conversation = effects.routing.get(message.conversationId) ?? (await conversationOf(message.conversationId));
    if (!conversation) continue;
    realtime.emit(userRoom(conversation.userId), "chat:message", presentUserMessage(message, cipher));
    // the counsellor and any supervisor watching get the same staff view: one broadcast to both rooms
    const staffRooms = conversation.assignedStaffId ? [staffRoom(conversation.assignedStaffId), watchRoom(message.conversationId)] : [watchRoom(message.conversationId)];
    realtime.emit(staffRooms, "chat:message", presentStaffMessage(message, cipher, names));
  }

  if (effects.risks.length > 0) {
    const supervisors = await onDutySupervisorIds(db, clock.now());
    for (const risk of effects.risks) {
      const conversation = await conversationOf(risk.conversationId);
      if (!conversation) continue;
      const [user] = await db.select({ alias: appUsers.alias }).from(appUsers).where(eq(appUsers.id, conversation.userId)).limit(1);
      const alert = { conversationId: conversation.id, alias: user?.alias ?? "", riskLevel: risk.level, categories: risk.categories, seq: risk.seq, status: conversation.status as "waiting" | "active" | "closed", at: clock.now().toISOString() };
      const targets = new Set(supervisors);
      if (conversation.assignedStaffId) targets.add(conversation.assignedStaffId);
      realtime.emit([...targets].map(staffRoom), "chat:risk", alert);
    }
  }

  if (effects.statusChanged.size > 0 || effects.queueChanged) {
    const positions = await queuePositions(db);
    const notify = new Set(effects.statusChanged);
    if (effects.queueChanged) for (const id of positions.keys()) notify.add(id);
    for (const id of notify) {
      const conversation = await conversationOf(id);
      if (!conversation) continue;
      realtime.emit(userRoom(conversation.userId), "chat:status", {
        conversationId: id,
        status: conversation.status as "waiting" | "active" | "closed",
        queuePosition: positions.get(id)?.position ?? null,
        withCounsellor: conversation.status === "active" && conversation.acceptedAt !== null,
        counsellorComing: conversation.status === "active" && conversation.acceptedAt === null,
        heldForNextShift: conversation.status === "waiting" && conversation.heldForNextShift,
        helplines: conversation.status === "waiting" && conversation.heldForNextShift ? chatHelplines(services) : [],
        canRate: ratingOffered(conversation),
      });
    }
    // also on a status change (taken, closed): the hotline board counts active chats from this notice
    realtime.emit(counsellorsRoom, "chat:queue", { waiting: positions.size });
  }
}
