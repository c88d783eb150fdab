import { apiRoutes } from "@xinyuan/shared";
import { call } from "../request";
import { endSession, getToken } from "./sessionStore";

/**
 * Signs out: asks the server to revoke the session (best effort: it may already have expired) and
 * forgets it locally at once, so a slow network never keeps a shared computer signed in.
 */
export function signOut(reason?: string): void {
  if (getToken()) void call(apiRoutes.logout, { policy: "silent" }).catch(() => undefined);
  endSession(reason);
}
