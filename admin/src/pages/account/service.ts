import { apiRoutes, type TotpSetupView } from "@xinyuan/shared";
import { call } from "../../request";
import type { AccountAnswer } from "../../session/sessionStore";

export function getAccount(): Promise<AccountAnswer> {
  return call(apiRoutes.getAccount, { policy: "silent" });
}

export function changePassword(body: { currentPassword: string; newPassword: string }): Promise<unknown> {
  return call(apiRoutes.changePassword, { body, policy: "silent" });
}

export function startTotp(): Promise<TotpSetupView> {
  return call(apiRoutes.startTotp, { policy: "silent" });
}

export function confirmTotp(code: string): Promise<unknown> {
  return call(apiRoutes.confirmTotp, { body: { code }, policy: "silent" });
}
