import { and, desc, eq, inArray, max, sql } from "drizzle-orm";
import { chatTransfers, conversations, staff, staffPresence } from "../db/schema";
import type { Services } from "../services";
import { availableStaffIds } from "../presence/dutyState";
import { retryTransaction } from "../db/retryTransaction";
import { activeLoads, queueOrder } from "./conversationQueries";
import { assignConversation } from "./chatAssignment";
import { ChatEffects } from "./chatEffects";
import { sendChatNotices } from "./chatNotices";

/** How many waiting conversations one pass looks at. */
const passSize = 100;

/**
 * Routes the queue: each waiting conversation, in queue order, goes to the least-busy available
 * counsellor with spare capacity (ties: the one who got a chat least recently). Capacity holds with
 * many processes routing at once: the candidates' presence rows are locked (in a fixed order) for the
 * whole pass, so loads are counted and raised by one transaction at a time. Returns how many it placed.
 */
export async function dispatchChatQueue(services: Services): Promise<number> {
  const { db, clock, cipher } = services;
  const now = clock.now();
  const available = await availableStaffIds(db, "chat", now);
  if (available.length === 0) return 0;
  let effects = new ChatEffects();
  const placed = await retryTransaction(() =>
    db.transaction(async (tx) => {
      effects = new ChatEffects();
      const candidates = await tx
        .select({ staffId: staffPresence.staffId, capacity: staffPresence.chatCapacity, scopeLevel: staff.scopeLevel })
        .from(staffPresence)
        .innerJoin(staff, eq(staff.id, staffPresence.staffId))
        .where(and(inArray(staffPresence.staffId, available), eq(staffPresence.onDuty, true), eq(staff.status, "active"), sql`'counsellor' = ANY(${staff.roles})`))
        .orderBy(staffPresence.staffId)
        .for("update", { of: staffPresence });
      if (candidates.length === 0) return 0;
      const ids = candidates.map((candidate) => candidate.staffId);
      const loads = await activeLoads(tx, ids);
      const load = (staffId: string) => loads.get(staffId) ?? 0;
      if (!candidates.some((candidate) => load(candidate.staffId) < candidate.capacity)) return 0;
      const lastAssigned = new Map(
        (await tx.select({ staffId: conversations.assignedStaffId, at: max(conversations.assignedAt) }).from(conversations).where(inArray(conversations.assignedStaffId, ids)).groupBy(conversations.assignedStaffId)).map((row) => [row.staffId!, row.at?.getTime() ?? 0]),
      );
      const waiting = await tx.select().from(conversations).where(eq(conversations.status, "waiting")).orderBy(...queueOrder).limit(passSize).for("update");
      let count = 0;
      for (const conversation of waiting) {
        const excluded = conversation.queueTarget === "county_centre" ? await lastTransferrer(tx, conversation.id) : null;
        const lapsed = conversation.returnedToQueue ? await lapsedCounsellors(tx, conversation.id) : new Set<string>();
        const eligible = candidates
          .filter((candidate) => load(candidate.staffId) < candidate.capacity && !lapsed.has(candidate.staffId))
          .filter((candidate) => conversation.queueTarget !== "county_centre" || (candidate.scopeLevel === "county" && candidate.staffId !== excluded))
          .sort((a, b) => load(a.staffId) - load(b.staffId) || (lastAssigned.get(a.staffId) ?? 0) - (lastAssigned.get(b.staffId) ?? 0) || a.staffId.localeCompare(b.staffId));
        const chosen = eligible[0];
        if (!chosen) continue;
        await assignConversation(tx, cipher, conversation, chosen.staffId, "auto", now, effects);
        loads.set(chosen.staffId, load(chosen.staffId) + 1);
        lastAssigned.set(chosen.staffId, now.getTime());
        count += 1;
      }
      return count;
    }),
  );
  if (placed > 0) {
    // the same steps as flushChatEffects, here so the dispatcher does not import its own caller back
    await sendChatNotices(services, effects);
    if (effects.dispatch) await dispatchChatQueue(services).catch((error: unknown) => services.log.error({ err: error }, "chat dispatch failed"));
  }
  return placed;
}

/** Counsellors the router gave this chat who did not open it in time: it goes to someone else (they may still pick it from the queue). */
async function lapsedCounsellors(tx: Parameters<Parameters<Services["db"]["transaction"]>[0]>[0], conversationId: string): Promise<Set<string>> {
  const rows = await tx.select({ fromStaffId: chatTransfers.fromStaffId }).from(chatTransfers).where(and(eq(chatTransfers.conversationId, conversationId), eq(chatTransfers.kind, "unopened")));
  return new Set(rows.flatMap((row) => (row.fromStaffId ? [row.fromStaffId] : [])));
}

async function lastTransferrer(tx: Parameters<Parameters<Services["db"]["transaction"]>[0]>[0], conversationId: string): Promise<string | null> {
  const [row] = await tx
    .select({ fromStaffId: chatTransfers.fromStaffId })
    .from(chatTransfers)
    .where(and(eq(chatTransfers.conversationId, conversationId), eq(chatTransfers.toCentre, true)))
    .orderBy(desc(chatTransfers.createdAt))
    .limit(1);
  return row?.fromStaffId ?? null;
}
