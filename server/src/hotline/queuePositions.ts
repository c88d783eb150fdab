import { and, eq, lte, sql } from "drizzle-orm";
import { hotlineTickets } from "../db/schema";
import type { DbOrTx } from "../db/database";

type TicketRow = typeof hotlineTickets.$inferSelect;

/** The live queue (waiting and ready) in claim order: priority first, then who joined first. */
export async function readyQueueOrder(db: DbOrTx, now: Date): Promise<Array<{ id: string; userId: string | null }>> {
  return db
    .select({ id: hotlineTickets.id, userId: hotlineTickets.userId })
    .from(hotlineTickets)
    .where(and(eq(hotlineTickets.status, "waiting"), lte(hotlineTickets.readyAt, now)))
    .orderBy(sql`${hotlineTickets.priority} DESC`, hotlineTickets.joinedAt, hotlineTickets.id);
}

/** 1-based place of one ticket in the live queue; null when it is not in it (scheduled or finished). */
export async function positionOf(db: DbOrTx, ticket: TicketRow, now: Date): Promise<number | null> {
  if (ticket.status !== "waiting" || ticket.readyAt > now) return null;
  const [row] = await db
    .select({ ahead: sql<number>`count(*)::int` })
    .from(hotlineTickets)
    .where(
      and(
        eq(hotlineTickets.status, "waiting"),
        lte(hotlineTickets.readyAt, now),
        sql`(${hotlineTickets.priority} > ${ticket.priority}
          OR (${hotlineTickets.priority} = ${ticket.priority} AND (${hotlineTickets.joinedAt} < ${ticket.joinedAt.toISOString()}
            OR (${hotlineTickets.joinedAt} = ${ticket.joinedAt.toISOString()} AND ${hotlineTickets.id} < ${ticket.id}))))`,
      ),
    );
  return Number(row?.ahead ?? 0) + 1;
}

/** How many are in the live queue right now. */
export async function readyWaitingCount(db: DbOrTx, now: Date): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(hotlineTickets)
    .where(and(eq(hotlineTickets.status, "waiting"), lte(hotlineTickets.readyAt, now)));
  return Number(row?.count ?? 0);
}
