import type { Services } from "../services";
import type { DbOrTx } from "../db/database";
import { retryTransaction } from "../db/retryTransaction";
import { ChatEffects } from "./chatEffects";
import { sendChatNotices } from "./chatNotices";
import { dispatchChatQueue } from "./chatDispatcher";

/**
 * After a chat command committed: sends its notices and reply reminders, then routes the queue when it
 * freed capacity or returned a chat (effects.dispatch). Never throws: the command already committed.
 */
export async function flushChatEffects(services: Services, effects: ChatEffects): Promise<void> {
  await sendChatNotices(services, effects);
  if (effects.dispatch) await dispatchChatQueue(services).catch((error: unknown) => services.log.error({ err: error }, "chat dispatch failed"));
}

/**
 * Runs one chat command: its transaction (retried on serialization failures and deadlocks, with fresh
 * effects for each attempt), then, after the commit, its effects.
 */
export async function runChatCommand<T>(services: Services, work: (tx: DbOrTx, effects: ChatEffects, now: Date) => Promise<T>): Promise<T> {
  let effects = new ChatEffects();
  const result = await retryTransaction(() =>
    services.db.transaction(async (tx) => {
      effects = new ChatEffects();
      return work(tx, effects, services.clock.now());
    }),
  );
  await flushChatEffects(services, effects);
  return result;
}
