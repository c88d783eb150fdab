import { and, asc, eq, isNull, or } from "drizzle-orm";
import { chatCannedReplies } from "../db/schema";
import type { DbOrTx } from "../db/database";

export type CannedReplyRow = typeof chatCannedReplies.$inferSelect;

/** A staff member's own replies and the county-wide ones, oldest first. */
export async function cannedRepliesOf(db: DbOrTx, staffId: string): Promise<CannedReplyRow[]> {
  return db
    .select()
    .from(chatCannedReplies)
    .where(and(isNull(chatCannedReplies.deletedAt), or(isNull(chatCannedReplies.ownerStaffId), eq(chatCannedReplies.ownerStaffId, staffId))))
    .orderBy(asc(chatCannedReplies.createdAt));
}

/** One reply that is not deleted, locked when inside a transaction that changes it. */
export async function lockLiveCannedReply(tx: DbOrTx, id: string): Promise<CannedReplyRow | undefined> {
  const [row] = await tx.select().from(chatCannedReplies).where(and(eq(chatCannedReplies.id, id), isNull(chatCannedReplies.deletedAt))).limit(1).for("update");
  return row;
}
