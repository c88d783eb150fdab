import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import { conversations } from "../db/schema";
import type { DbOrTx } from "../db/database";
import { NotFoundError } from "../http/errors";

export type ConversationRow = typeof conversations.$inferSelect;

/**
 * Queue order: detected risk first (highest level first), then conversations that came back to the
 * queue (a counsellor disconnected, a transfer to the centre), then the longest waiting.
 */
export const queueOrder: SQL[] = [
  sql`CASE ${conversations.riskLevel} WHEN 'imminent' THEN 4 WHEN 'high' THEN 3 WHEN 'medium' THEN 2 WHEN 'low' THEN 1 ELSE 0 END DESC`,
  sql`${conversations.returnedToQueue} DESC`,
  sql`${conversations.queuedAt} ASC`,
  sql`${conversations.id} ASC`,
];

export async function findConversation(db: DbOrTx, id: string): Promise<ConversationRow | undefined> {
  const [row] = await db.select().from(conversations).where(eq(conversations.id, id)).limit(1);
  return row;
}

/** Loads and row-locks a conversation inside the caller's transaction. */
export async function lockConversation(tx: DbOrTx, id: string): Promise<ConversationRow> {
  const [row] = await tx.select().from(conversations).where(eq(conversations.id, id)).for("update");
  if (!row) throw NotFoundError("CHAT_NOT_FOUND");
  return row;
}

/** Queue position (1 = next) of every waiting conversation. */
export async function queuePositions(db: DbOrTx): Promise<Map<string, { position: number; userId: string }>> {
  const result = await db.execute<{ id: string; user_id: string; position: number | string }>(sql`
    SELECT id, user_id, row_number() OVER (ORDER BY ${sql.join(queueOrder, sql`, `)}) AS position
    FROM ${conversations} WHERE ${conversations.status} = 'waiting'`);
  const rows = (result as unknown as { rows: Array<{ id: string; user_id: string; position: number | string }> }).rows;
  return new Map(rows.map((row) => [row.id, { position: Number(row.position), userId: row.user_id }]));
}

/** Active conversations per staff member (their load). */
export async function activeLoads(db: DbOrTx, staffIds: string[]): Promise<Map<string, number>> {
  if (staffIds.length === 0) return new Map();
  const rows = await db
    .select({ staffId: conversations.assignedStaffId, count: sql<number>`count(*)::int` })
    .from(conversations)
    .where(and(eq(conversations.status, "active"), inArray(conversations.assignedStaffId, staffIds)))
    .groupBy(conversations.assignedStaffId);
  return new Map(rows.map((row) => [row.staffId!, Number(row.count)]));
}
