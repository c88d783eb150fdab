import { apiRoutes } from "@xinyuan/shared";
import { call } from "../../request";

/** The forced first change; the form shows errors itself. */
export function changePassword(body: { currentPassword: string; newPassword: string }): Promise<unknown> {
  return call(apiRoutes.changePassword, { body, policy: "silent" });
}
