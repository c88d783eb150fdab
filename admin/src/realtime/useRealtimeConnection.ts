import { useEffect } from "react";
import type { StaffSessionView } from "@xinyuan/shared";
import { access } from "../access";
import { connectRealtime, disconnectRealtime } from "./realtimeClient";

/**
 * Keeps the socket open while someone who needs live updates is signed in (counsellors and supervisors,
 * and the county centre watching the hotline board); closes it on sign-out.
 */
export function useRealtimeConnection(session: StaffSessionView | null): void {
  const rights = session ? access(session.staff) : null;
  const live = Boolean(rights && (rights.canWorkQueue || rights.canSuperviseHotline));
  const token = session && session.pending.length === 0 && live ? session.token : null;
  useEffect(() => {
    if (!token) return undefined;
    connectRealtime(token);
    return () => disconnectRealtime();
  }, [token]);
}
