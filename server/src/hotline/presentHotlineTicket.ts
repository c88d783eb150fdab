import type { CallerTicketView, HotlineNotifyTemplate, HotlineQueueEntryView, HotlineTicketKind, HotlineTicketStatus } from "@xinyuan/shared";
import type { hotlineTickets } from "../db/schema";

export type HotlineTicketRow = typeof hotlineTickets.$inferSelect;

const windowOf = (row: HotlineTicketRow) => (row.windowStart && row.windowEnd ? { start: row.windowStart.toISOString(), end: row.windowEnd.toISOString() } : null);
const scheduledFor = (row: HotlineTicketRow, now: Date) => (row.status === "waiting" && row.readyAt > now ? row.readyAt.toISOString() : null);

/** The caller's own view: no staff identities, no internal fields. */
export function presentCallerTicket(row: HotlineTicketRow, extras: { position: number | null; estimateMinutes: number | null; hotlineNumber: string; now: Date; nobodyOnDuty?: boolean }): CallerTicketView {
  return {
    id: row.id,
    number: row.number,
    kind: row.kind as HotlineTicketKind,
    status: row.status as HotlineTicketStatus,
    position: extras.position,
    estimateMinutes: extras.position === null ? null : extras.estimateMinutes,
    scheduledFor: scheduledFor(row, extras.now),
    window: windowOf(row),
    hotlineNumber: extras.hotlineNumber,
    attempts: row.attempts,
    feelingUnsafe: row.feelingUnsafe,
    notifyTemplates: (row.notifyOpenidEnc ? row.notifyTemplates : []) as HotlineNotifyTemplate[],
    joinedAt: row.joinedAt.toISOString(),
    closedAt: row.closedAt?.toISOString() ?? null,
    nobodyOnDuty: extras.nobodyOnDuty ?? false,
  };
}

/** A queue entry for hotline staff: the alias, never the phone or the topic. */
export function presentQueueEntry(row: HotlineTicketRow, extras: { alias: string | null; claimantName: string | null; position: number | null; now: Date }): HotlineQueueEntryView {
  return {
    id: row.id,
    number: row.number,
    kind: row.kind as HotlineTicketKind,
    status: row.status as HotlineTicketStatus,
    alias: extras.alias ?? "已注销用户",
    priority: row.priority > 0 ? "urgent" : "normal",
    position: extras.position,
    joinedAt: row.joinedAt.toISOString(),
    waitedMinutes: Math.max(0, Math.floor((extras.now.getTime() - row.joinedAt.getTime()) / 60_000)),
    scheduledFor: scheduledFor(row, extras.now),
    window: windowOf(row),
    attempts: row.attempts,
    claimedBy: row.claimedBy && row.status === "claimed" ? { id: row.claimedBy, name: extras.claimantName ?? "" } : null,
  };
}

/** 138****5678 / 0818****2525: recognisable, not dialable. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/-/g, "");
  return `${digits.slice(0, digits.length - 8)}****${digits.slice(-4)}`;
}
