import { apiRoutes } from "@xinyuan/shared";
import { call } from "../../request";
import { applyAccount, type AccountAnswer } from "../../session/sessionStore";

/**
 * Refreshes the signed-in staff member: roles and scope may have changed since sign-in, and a forced
 * step may have opened (an admin now requires two-step verification); the guards follow the session.
 */
export async function refreshAccount(): Promise<AccountAnswer> {
  const account: AccountAnswer = await call(apiRoutes.getAccount, { policy: "silent" });
  applyAccount(account);
  return account;
}
