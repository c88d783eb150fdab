import type { Services } from "../services";
import type { ChatEffects } from "./chatEffects";
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
