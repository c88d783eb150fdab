import { and, eq, isNotNull, isNull, lt, sql } from "drizzle-orm";
import { chatSystemLines } from "@xinyuan/shared";
import { chatTransfers, conversations, presenceInstances, staffConnections } from "../db/schema";
import { instanceDead, presenceInstanceDeadAfterMs, staffConnected } from "../presence/connectionRegistry";
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
import { availableStaffIds } from "../presence/dutyState";

/**
 * When the assigned counsellor went away: the moment their process was known dead (its last heartbeat +
 * presenceInstanceDeadAfterMs) when that is what took them, otherwise now. The grace period counts from it.
 */
const absentFrom = (now: Date) =>
  sql`LEAST(${now.toISOString()}::timestamptz, COALESCE((SELECT max(${presenceInstances.beatAt}) + ${sql.raw(`interval '${presenceInstanceDeadAfterMs} milliseconds'`)} FROM ${staffConnections} JOIN ${presenceInstances} ON ${presenceInstances.instanceId} = ${staffConnections.instanceId} WHERE ${staffConnections.staffId} = ${conversations.assignedStaffId} AND ${instanceDead(staffConnections.instanceId)}), ${now.toISOString()}::timestamptz))`;

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
  const connected = staffConnected(conversations.assignedStaffId, now);
  await db.update(conversations).set({ staffAbsentSince: absentFrom(now) }).where(and(eq(conversations.status, "active"), isNull(conversations.staffAbsentSince), sql`NOT ${connected}`));
  await db.update(conversations).set({ staffAbsentSince: null }).where(and(eq(conversations.status, "active"), isNotNull(conversations.staffAbsentSince), connected));
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

/**
 * A chat the router gave a counsellor who has not opened it within CHAT_OPEN_TIMEOUT_SECONDS goes back to
 * the queue ahead of new chats, recorded as "unopened"; the router then gives it to the next counsellor on
 * duty (never back to one who let it lapse, chatDispatcher) or it waits with the honest status.
 */
export async function passOnUnopenedChats(services: Services): Promise<number> {
  const { db, clock, config } = services;
  const deadline = new Date(clock.now().getTime() - config.chat.openTimeoutSeconds * 1000);
  const due = await db.select({ id: conversations.id }).from(conversations).where(and(eq(conversations.status, "active"), isNull(conversations.acceptedAt), lt(conversations.assignedAt, deadline)));
  let passed = 0;
  for (const { id } of due) {
    const done = await onLocked(
      services,
      id,
      (row) => row.status === "active" && row.acceptedAt === null && row.assignedAt !== null && row.assignedAt < deadline,
      async (tx, row, effects, at) => {
        await tx
          .update(conversations)
          .set({ status: "waiting", assignedStaffId: null, returnedToQueue: true, staffAbsentSince: null })
          .where(eq(conversations.id, row.id));
        await tx.insert(chatTransfers).values({ conversationId: row.id, kind: "unopened", fromStaffId: row.assignedStaffId, createdAt: at });
        await appendSystemLine(tx, services.cipher, row.id, chatSystemLines.counsellorDidNotCome, at, effects);
        if (row.assignedStaffId) effects.unassigned.push({ staffId: row.assignedStaffId, conversationId: row.id, reason: "returned" });
        effects.statusChanged.add(row.id);
        effects.queueChanged = true;
        effects.dispatch = true;
      },
    );
    if (done) passed += 1;
  }
  return passed;
}

/**
 * Nobody is on duty for chat any more (the last counsellor went off duty, closed the tab or their process
 * died): every student still waiting is told so at once, with the helplines, and their chat is kept for
 * the next shift. Returns how many were told.
 */
export async function tellWaitingNobodyIsLeft(services: Services): Promise<number> {
  const { db, clock } = services;
  if ((await availableStaffIds(db, "chat", clock.now())).length > 0) return 0;
  const waiting = await db.select({ id: conversations.id }).from(conversations).where(and(eq(conversations.status, "waiting"), eq(conversations.heldForNextShift, false)));
  let told = 0;
  for (const { id } of waiting) {
    const done = await onLocked(
      services,
      id,
      (row) => row.status === "waiting" && !row.heldForNextShift,
      async (tx, row, effects, at) => {
        await tx.update(conversations).set({ heldForNextShift: true }).where(eq(conversations.id, row.id));
        await appendSystemLine(tx, services.cipher, row.id, chatSystemLines.nobodyLeft, at, effects);
        effects.statusChanged.add(row.id);
        effects.queueChanged = true;
      },
    );
    if (done) told += 1;
  }
  return told;
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

/** One maintenance pass: grace-period returns, unopened chats passed on, idle reminders and closes, route the queue, then tell waiting students when nobody is left. */
export async function runChatMaintenance(services: Services): Promise<void> {
  await returnAbsentCounsellorChats(services);
  await passOnUnopenedChats(services);
  await remindAndCloseIdleChats(services);
  await dispatchChatQueue(services);
  await tellWaitingNobodyIsLeft(services);
}

/** Background job (every CHAT_MAINTENANCE_INTERVAL_MS); safe with several processes (row locks). */
export const chatMaintenanceJob: BackgroundJob = (services) => everyInterval("chat-maintenance", services.config.chat.maintenanceIntervalMs, runChatMaintenance)(services);


