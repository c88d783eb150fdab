import { and, eq, gte, inArray, lte, or, sql } from "drizzle-orm";
import { hotlineAnswerTargetMinutes, type HotlineBoardView } from "@xinyuan/shared";
import { conversations, hotlineShifts, hotlineTickets, staff, staffConnections, staffPresence } from "../db/schema";
import type { Services } from "../services";
import { hotlineOpenState } from "./hotlineSchedule";
import { staffOnLeaveAt } from "./staffLeave";
import { startOfCountyDay } from "./countyTime";
import { measuredHandleTime } from "./waitEstimate";
import { connectionLive } from "../presence/connectionRegistry";

const targetMs = hotlineAnswerTargetMinutes * 60_000;

/**
 * The supervisor's live numbers. Service level: of the tickets that became ready today and either were
 * claimed or have waited past the 5-minute target (callers who gave up before it are not counted), the
 * share first claimed within 5 minutes of being ready.
 */
export async function loadHotlineBoard(services: Services): Promise<HotlineBoardView> {
  const { db, clock, config } = services;
  const now = clock.now();
  const dayStart = startOfCountyDay(now);
  const active = await db.select().from(hotlineTickets).where(inArray(hotlineTickets.status, ["waiting", "claimed"]));
  const ready = active.filter((row) => row.status === "waiting" && row.readyAt <= now);
  const today = await db
    .select()
    .from(hotlineTickets)
    .where(or(gte(hotlineTickets.closedAt, dayStart), gte(hotlineTickets.firstReadyAt, dayStart)));

  let offered = 0;
  let answered = 0;
  for (const row of today) {
    if (row.firstReadyAt < dayStart || row.firstReadyAt > now) continue;
    const deadline = row.firstReadyAt.getTime() + targetMs;
    const claimedInTime = row.firstClaimedAt !== null && row.firstClaimedAt.getTime() <= deadline;
    const gaveUpEarly = row.firstClaimedAt === null && row.closedAt !== null && row.closedAt.getTime() <= deadline;
    if (row.firstClaimedAt === null && now.getTime() <= deadline) continue;
    if (gaveUpEarly) continue;
    offered += 1;
    if (claimedInTime) answered += 1;
  }
  const closedToday = today.filter((row) => row.closedAt !== null && row.closedAt >= dayStart);

  const onDuty = await db
    .select({ staffId: staffPresence.staffId, name: staff.displayName })
    .from(staffPresence)
    .innerJoin(staff, eq(staff.id, staffPresence.staffId))
    .where(and(eq(staffPresence.onDuty, true), sql`'hotline' = ANY(${staffPresence.channels})`));
  const live = await db
    .selectDistinct({ staffId: staffConnections.staffId })
    .from(staffConnections)
    .where(connectionLive(now));
  const liveIds = new Set(live.map((row) => row.staffId));
  const onLeave = await staffOnLeaveAt(db, now);
  const shifts = await db.select({ staffId: hotlineShifts.staffId }).from(hotlineShifts).where(and(lte(hotlineShifts.startsAt, now), gte(hotlineShifts.endsAt, now)));
  const onShift = new Set(shifts.map((row) => row.staffId));

  return {
    open: (await hotlineOpenState(db, config.hotline, now)).open,
    waiting: ready.length,
    scheduled: active.filter((row) => row.status === "waiting" && row.readyAt > now).length,
    longestWaitMinutes: ready.reduce((longest, row) => Math.max(longest, Math.floor((now.getTime() - row.firstReadyAt.getTime()) / 60_000)), 0),
    counsellors: onDuty.map((member) => {
      const call = active.find((row) => row.status === "claimed" && row.claimedBy === member.staffId);
      const state = onLeave.has(member.staffId) ? "on_leave" : call ? "on_call" : liveIds.has(member.staffId) ? "available" : "disconnected";
      return { staffId: member.staffId, name: member.name, state, callNumber: call?.number ?? null, onShift: onShift.has(member.staffId) };
    }),
    today: {
      served: closedToday.filter((row) => row.status === "completed").length,
      missed: closedToday.filter((row) => row.status === "missed").length,
      abandoned: closedToday.filter((row) => row.status === "cancelled").length,
      answeredWithin5Min: answered,
      offered,
      serviceLevel: offered === 0 ? null : Math.round((answered / offered) * 1000) / 1000,
    },
    // What calls really took (the estimate's stand-in of 15 minutes is not a measurement to show).
    handleTime: await measuredHandleTime(db, now),
    chats: await chatFigures(services, now),
  };
}

/**
 * The chat queue as the board shows it, read straight from the conversations (no chat code needed):
 * waiting ones wait from queuedAt, the time they last (re-)entered the queue, as the chat queue counts.
 */
export async function chatFigures(services: Pick<Services, "db">, now: Date): Promise<HotlineBoardView["chats"]> {
  const rows = await services.db
    .select({ status: conversations.status, count: sql<number>`count(*)::int`, oldest: sql<Date | string | null>`min(${conversations.queuedAt})` })
    .from(conversations)
    .where(inArray(conversations.status, ["waiting", "active"]))
    .groupBy(conversations.status);
  const waiting = rows.find((row) => row.status === "waiting");
  const active = rows.find((row) => row.status === "active");
  const oldest = waiting?.oldest ? new Date(waiting.oldest).getTime() : null;
  return {
    waiting: waiting?.count ?? 0,
    active: active?.count ?? 0,
    longestWaitMinutes: oldest === null ? 0 : Math.max(0, Math.floor((now.getTime() - oldest) / 60_000)),
  };
}
