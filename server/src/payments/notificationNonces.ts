import { lt } from "drizzle-orm";
import type { DbOrTx } from "../db/database";
import { wechatpayNotificationNonces } from "../db/schema";
import { NotificationRefused } from "./notificationVerifier";

/**
 * Records a notification's nonce inside the transaction that acts on it; a nonce seen before (by this
 * or any other process) is a replay and refused. If the transaction rolls back, the nonce is free again,
 * so a genuine notification that failed half-way can still be processed when WeChat Pay retries.
 */
export async function claimNotificationNonce(tx: DbOrTx, props: { nonce: string; now: Date }): Promise<void> {
  const inserted = await tx.insert(wechatpayNotificationNonces).values({ nonce: props.nonce, receivedAt: props.now }).onConflictDoNothing().returning({ nonce: wechatpayNotificationNonces.nonce });
  if (inserted.length === 0) throw new NotificationRefused("replay", "nonce already used");
}

/** Drops nonces older than a day: the timestamp window refuses anything that old before the nonce is read. */
export async function pruneNotificationNonces(db: DbOrTx, now: Date): Promise<number> {
  const removed = await db.delete(wechatpayNotificationNonces).where(lt(wechatpayNotificationNonces.receivedAt, new Date(now.getTime() - 86_400_000))).returning({ nonce: wechatpayNotificationNonces.nonce });
  return removed.length;
}
