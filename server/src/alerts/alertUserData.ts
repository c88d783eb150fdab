import { eq } from "drizzle-orm";
import { riskAlerts } from "../db/schema";
import type { AccountDeletionStep } from "../users/accountDeletionSteps";

/**
 * Account deletion: alerts are safeguarding records (who was told, who acted, when) and stay, detached
 * from the account (user id cleared, alias replaced). Alerts are staff records, not part of the
 * self-service export.
 */
export const alertDeletionStep: AccountDeletionStep = {
  name: "alerts",
  async run({ tx, userId }) {
    await tx.update(riskAlerts).set({ userId: null, subjectAlias: "已注销用户" }).where(eq(riskAlerts.userId, userId));
  },
};
