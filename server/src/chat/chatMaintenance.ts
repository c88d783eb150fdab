import { and, eq, isNotNull, isNull, lt, sql } from "drizzle-orm";
import { chatSystemLines, presenceStaleAfterMs } from "@xinyuan/shared";
import { chatTransfers, conversations, staffConnections } from "../db/schema";
import type { DbOrTx } from "../db/database";
import type { Services } from "../services";
import { everyInterval, type BackgroundJob } from "../jobs/backgroundJobs";
import { retryTransaction } from "../db/retryTransaction";
import { appendSystemLine } from "./chatMessageWriter";
import { ChatEffects } from "./chatEffects";
import { flushChatEffects } from "./chatEffectsFlusher";
import { closeConversation } from "./chatCloser";
import { dispatchChatQueue } from "./chatDispatcher";
import { lockConversation, type ConversationRow } from "./conversationQueries";

/** The assigned counsellor holds a live admin connection (presence: fresh heartbeat). */
const counsellorConnected = (since: Date) =>
  sql`EXISTS (SELECT 1 FROM ${staffConnections} WHERE ${staffConnections.staffId} = ${conversations.assignedStaffId} AND ${staffConnections.lastSeenAt} > ${since.toISOString()})`;

/** Runs `work` on one locked conversation that still matches `stillDue`, then sends its notices. */
async function onLocked(services: Services, id: string, stillDue: (row: ConversationRow) => boolean, work: (tx: DbOrTx, row: ConversationRow, effects: ChatEffects, now: Date) => Promise<void>): Promise<boolean> {
  let effects = new ChatEffects();
  const done = await retryTransaction(() =>
    services.db.transaction(async (tx) => {
      effects = new ChatEffects();
      const row = await lockConversation(tx, id);
      if (!stillDue(row)) return false;
      await work(tx, row, effects, services.clock.now());
      return true;
    }),
  );
  if (done) await flushChatEffects(services, effects);
  return done;
}

/**
 * A counsellor whose connection is gone gets a grace period (CHAT_COUNSELLOR_GRACE_SECONDS); after it,
 * their chats go back to the queue ahead of new chats and the router looks for someone else. A
 * counsellor who comes back in time keeps them. Uses presence only, so it works with any process gone.
 */
export async function returnAbsentCounsellorChats(services: Services): Promise<number> {
  const { db, clock, config } = services;
  const now = clock.now();
  const since = new Date(now.getTime() - presenceStaleAfterMs);
  await db.update(conversations).set({ staffAbsentSince: now }).where(and(eq(conversations.status, "active"), isNull(conversations.staffAbsentSince), sql`NOT ${counsellorConnected(since)}`));
  await db.update(conversations).set({ staffAbsentSince: null }).where(and(eq(conversations.status, "active"), isNotNull(conversations.staffAbsentSince), counsellorConnected(since)));
  const deadline = new Date(now.getTime() - config.chat.counsellorGraceSeconds * 1000);
  const due = await db.select({ id: conversations.id }).from(conversations).where(and(eq(conversations.status, "active"), lt(conversations.staffAbsentSince, deadline)));
  let returned = 0;
  for (const { id } of due) {
    const done = await onLocked(
      services,
      id,
      (row) => row.status === "active" && row.staffAbsentSince !== null && row.staffAbsentSince < deadline,
      async (tx, row, effects, at) => {
        await tx
          .update(conversations)
          .set({ status: "waiting", assignedStaffId: null, acceptedAt: null, returnedToQueue: true, staffAbsentSince: null })
          .where(eq(conversations.id, row.id));
        await tx.insert(chatTransfers).values({ conversationId: row.id, kind: "returned", fromStaffId: row.assignedStaffId, createdAt: at });
        await appendSystemLine(tx, services.cipher, row.id, chatSystemLines.returnedToQueue, at, effects);
        if (row.assignedStaffId) effects.unassigned.push({ staffId: row.assignedStaffId, conversationId: row.id, reason: "returned" });
        effects.statusChanged.add(row.id);
        effects.queueChanged = true;
      },
    );
    if (done) returned += 1;
  }
  return returned;
}

/** Idle chats: a reminder after CHAT_IDLE_REMINDER_MINUTES without a message, closed after CHAT_IDLE_CLOSE_MINUTES. */
export async function remindAndCloseIdleChats(services: Services): Promise<{ reminded: number; closed: number }> {
  const { db, clock, config } = services;
  const now = clock.now();
  const remindBefore = new Date(now.getTime() - config.chat.idleReminderMinutes * 60_000);
  const closeBefore = new Date(now.getTime() - config.chat.idleCloseMinutes * 60_000);
  const reminderAtLeast = new Date(now.getTime() - (config.chat.idleCloseMinutes - config.chat.idleReminderMinutes) * 60_000);
  const toRemind = await db.select({ id: conversations.id }).from(conversations).where(and(eq(conversations.status, "active"), isNull(conversations.idleReminderSentAt), lt(conversations.lastActivityAt, remindBefore)));
  let reminded = 0;
  for (const { id } of toRemind) {
    const done = await onLocked(
      services,
      id,
      (row) => row.status === "active" && row.idleReminderSentAt === null && row.lastActivityAt < remindBefore,
      async (tx, row, effects, at) => {
        await appendSystemLine(tx, services.cipher, row.id, chatSystemLines.idleReminder, at, effects);
        await tx.update(conversations).set({ idleReminderSentAt: at }).where(eq(conversations.id, row.id));
      },
    );
    if (done) reminded += 1;
  }
  const toClose = await db
    .select({ id: conversations.id })
    .from(conversations)
    .where(and(eq(conversations.status, "active"), isNotNull(conversations.idleReminderSentAt), lt(conversations.lastActivityAt, closeBefore), sql`${conversations.idleReminderSentAt} <= ${reminderAtLeast.toISOString()}`));
  let closed = 0;
  for (const { id } of toClose) {
    const done = await onLocked(
      services,
      id,
      (row) => row.status === "active" && row.idleReminderSentAt !== null && row.lastActivityAt < closeBefore,
      (tx, row, effects, at) => closeConversation(tx, services, row, "idle", at, effects),
    );
    if (done) closed += 1;
  }
  return { reminded, closed };
}

/** One maintenance pass: grace-period returns, idle reminders and closes, then route the queue. */
export async function runChatMaintenance(services: Services): Promise<void> {
  await returnAbsentCounsellorChats(services);
  await remindAndCloseIdleChats(services);
  await dispatchChatQueue(services);
}

/** Background job (every CHAT_MAINTENANCE_INTERVAL_MS); safe with several processes (row locks). */
export const chatMaintenanceJob: BackgroundJob = (services) => everyInterval("chat-maintenance", services.config.chat.maintenanceIntervalMs, runChatMaintenance)(services);


