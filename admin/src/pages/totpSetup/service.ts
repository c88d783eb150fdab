import { apiRoutes, type TotpSetupView } from "@xinyuan/shared";
import { call } from "../../request";

export function startTotp(): Promise<TotpSetupView> {
  return call(apiRoutes.startTotp, { policy: "silent" });
}

export function confirmTotp(code: string): Promise<unknown> {
  return call(apiRoutes.confirmTotp, { body: { code }, policy: "silent" });
}
