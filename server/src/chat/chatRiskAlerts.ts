import { eq } from "drizzle-orm";
import { appUsers } from "../db/schema";
import type { DbOrTx } from "../db/database";
import type { Services } from "../services";
import { raiseAlert } from "../alerts/alertRaiser";
import type { ChatEffects } from "./chatEffects";

/**
 * Every risk found in a student's message becomes a durable alert in the same transaction that stores
 * the message, whether the chat is waiting or active and whoever is watching (see server/src/alerts/).
 */
export async function raiseChatRiskAlerts(tx: DbOrTx, services: Services, effects: ChatEffects): Promise<void> {
  for (const risk of effects.risks) {
    const userId = effects.routing.get(risk.conversationId)?.userId;
    if (!userId) continue;
    const [user] = await tx.select({ alias: appUsers.alias }).from(appUsers).where(eq(appUsers.id, userId)).limit(1);
    await raiseAlert({ tx, services, source: { kind: "chat", id: risk.conversationId }, level: risk.level, categories: risk.categories, subjectAlias: user?.alias ?? "", userId });
  }
}
