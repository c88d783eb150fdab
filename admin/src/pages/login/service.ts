import { apiRoutes, type StaffLoginBody, type StaffSessionView } from "@xinyuan/shared";
import { call } from "../../request";

/** Signs in with password (and the 6-digit code once the server asks for it). Errors are shown inline. */
export function staffLogin(body: StaffLoginBody): Promise<StaffSessionView> {
  return call(apiRoutes.staffLogin, { body, policy: "silent" });
}
