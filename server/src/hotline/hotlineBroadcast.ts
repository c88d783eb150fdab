import { inArray } from "drizzle-orm";
import { hotlineTickets } from "../db/schema";
import type { Services } from "../services";
import { silentRealtime } from "../realtime/realtime";
import { callerTicketView, readQueuePace } from "./callerTicketView";
import { readyQueueOrder } from "./queuePositions";
import { hotlineStaffRoom, staffRoom, userRoom } from "./hotlineRooms";
import type { HotlineTicketRow } from "./presentHotlineTicket";

export type HotlineCallNotice = { ticketId: string; number: number; reason: "returned" | "cancelled" | "transferred_in" | "transferred_out" | "missed" };

const inFlight = new WeakMap<Services, { pending: boolean }>();

/**
 * After a queue change commits: tells hotline staff ("hotline:queue-changed") and pushes every waiting
 * caller their new position ("hotline:ticket"), plus `changed` tickets that just left the queue. Runs
 * after the transaction, never blocks the request, and coalesces bursts (one run in flight, one queued
 * per process); each process announces its own changes, so correctness needs no shared memory.
 */
export function announceQueueChange(services: Services, changed: HotlineTicketRow[] = []): void {
  if (services.realtime === silentRealtime) return;
  for (const row of changed) {
    if (row.userId && row.status !== "waiting") {
      void callerTicketView(services, row, undefined, null)
        .then((view) => services.realtime.emit(userRoom(row.userId!), "hotline:ticket", view))
        .catch((error: unknown) => services.log.error({ err: error }, "hotline ticket push failed"));
    }
  }
  const state = inFlight.get(services);
  if (state) {
    state.pending = true;
    return;
  }
  const run = async (): Promise<void> => {
    const marker = { pending: false };
    inFlight.set(services, marker);
    try {
      await pushPositions(services);
    } catch (error) {
      services.log.error({ err: error }, "hotline broadcast failed");
    } finally {
      inFlight.delete(services);
    }
    if (marker.pending) await run();
  };
  void run();
}

async function pushPositions(services: Services): Promise<void> {
  const { db, clock, realtime } = services;
  const now = clock.now();
  const order = await readyQueueOrder(db, now);
  realtime.emit(hotlineStaffRoom, "hotline:queue-changed", { waiting: order.length });
  if (order.length === 0) return;
  const pace = await readQueuePace(db, now);
  const rows = await db.select().from(hotlineTickets).where(inArray(hotlineTickets.id, order.map((entry) => entry.id)));
  const byId = new Map(rows.map((row) => [row.id, row]));
  for (const [index, entry] of order.entries()) {
    const row = byId.get(entry.id);
    if (!row?.userId) continue;
    realtime.emit(userRoom(row.userId), "hotline:ticket", await callerTicketView(services, row, pace, index + 1));
  }
}

/** A small notice to one counsellor about their call; the admin refetches GET /hotline/calls/mine. */
export function noticeToStaff(services: Services, staffId: string, notice: HotlineCallNotice): void {
  services.realtime.emit(staffRoom(staffId), "hotline:call-changed", notice);
}
