import { useSyncExternalStore } from "react";
import type { StaffSessionView } from "@xinyuan/shared";
import { getSession, subscribeSession } from "./sessionStore";

export function useSession(): StaffSessionView | null {
  return useSyncExternalStore(subscribeSession, getSession, getSession);
}
