import { and, eq, inArray, sql } from "drizzle-orm";
import type { HotlineCallView, HotlineQueueView } from "@xinyuan/shared";
import { appUsers, contactRecords, hotlineTickets, staff } from "../db/schema";
import type { DbOrTx } from "../db/database";
import type { Services } from "../services";
import { maskPhone, presentQueueEntry, type HotlineTicketRow } from "./presentHotlineTicket";
import { positionOf, readyQueueOrder } from "./queuePositions";
import { sealed } from "../crypto/sealedColumns";

async function namesFor(db: DbOrTx, rows: HotlineTicketRow[]) {
  const userIds = [...new Set(rows.map((row) => row.userId).filter((id): id is string => id !== null))];
  const staffIds = [...new Set(rows.map((row) => row.claimedBy).filter((id): id is string => id !== null))];
  const aliases = userIds.length ? await db.select({ id: appUsers.id, alias: appUsers.alias }).from(appUsers).where(inArray(appUsers.id, userIds)) : [];
  const names = staffIds.length ? await db.select({ id: staff.id, name: staff.displayName }).from(staff).where(inArray(staff.id, staffIds)) : [];
  return {
    alias: (row: HotlineTicketRow) => aliases.find((entry) => entry.id === row.userId)?.alias ?? null,
    claimant: (row: HotlineTicketRow) => names.find((entry) => entry.id === row.claimedBy)?.name ?? null,
  };
}

/** The queue for hotline staff: ready callers in claim order, scheduled ones, and calls in progress. */
export async function loadQueueView(db: DbOrTx, now: Date): Promise<HotlineQueueView> {
  const rows = await db.select().from(hotlineTickets).where(inArray(hotlineTickets.status, ["waiting", "claimed"]));
  const order = await readyQueueOrder(db, now);
  const positions = new Map(order.map((entry, index) => [entry.id, index + 1]));
  const names = await namesFor(db, rows);
  const present = (row: HotlineTicketRow) => presentQueueEntry(row, { alias: names.alias(row), claimantName: names.claimant(row), position: positions.get(row.id) ?? null, now });
  const byPosition = (a: HotlineTicketRow, b: HotlineTicketRow) => (positions.get(a.id) ?? 0) - (positions.get(b.id) ?? 0);
  return {
    waiting: rows.filter((row) => positions.has(row.id)).sort(byPosition).map(present),
    scheduled: rows.filter((row) => row.status === "waiting" && !positions.has(row.id)).sort((a, b) => a.readyAt.getTime() - b.readyAt.getTime()).map(present),
    claimed: rows.filter((row) => row.status === "claimed").sort((a, b) => (a.claimedAt?.getTime() ?? 0) - (b.claimedAt?.getTime() ?? 0)).map(present),
  };
}

/** A queue entry for one ticket (answers of release, transfer, attempt). */
export async function queueEntryOf(db: DbOrTx, row: HotlineTicketRow, now: Date) {
  const names = await namesFor(db, [row]);
  return presentQueueEntry(row, { alias: names.alias(row), claimantName: names.claimant(row), position: await positionOf(db, row, now), now });
}

/**
 * A call as its claimant sees it: topic and masked phone included. `forClaimant: false` (a supervisor)
 * leaves both out; the full number is only ever given by the audited reveal.
 */
export async function loadCallView(services: Pick<Services, "db" | "cipher" | "config">, row: HotlineTicketRow, now: Date, forClaimant: boolean): Promise<HotlineCallView> {
  const { db, cipher, config } = services;
  const entry = await queueEntryOf(db, row, now);
  const [history] = row.userId
    ? await db.select({ count: sql<number>`count(*)::int` }).from(contactRecords).where(and(eq(contactRecords.userId, row.userId)))
    : [{ count: 0 }];
  return {
    ...entry,
    topic: forClaimant && row.topicEnc ? cipher.decrypt(row.topicEnc, sealed.hotlineTopic.at(row)) : null,
    hasPhone: row.phoneEnc !== null,
    maskedPhone: forClaimant && row.phoneEnc ? maskPhone(cipher.decrypt(row.phoneEnc, sealed.hotlinePhone.at(row))) : null,
    claimedAt: row.claimedAt?.toISOString() ?? null,
    maxAttempts: config.hotline.maxAttempts,
    earlierContacts: Number(history?.count ?? 0),
  };
}
