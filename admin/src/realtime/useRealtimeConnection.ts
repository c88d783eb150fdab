import { useEffect } from "react";
import type { StaffSessionView } from "@xinyuan/shared";
import { access } from "../access";
import { connectRealtime, disconnectRealtime } from "./realtimeClient";

/** Keeps the socket open while a counsellor or supervisor is signed in; closes it on sign-out. */
export function useRealtimeConnection(session: StaffSessionView | null): void {
  const token = session && session.pending.length === 0 && access(session.staff).canWorkQueue ? session.token : null;
  useEffect(() => {
    if (!token) return undefined;
    connectRealtime(token);
    return () => disconnectRealtime();
  }, [token]);
}
