import { useEffect, useRef, useSyncExternalStore } from "react";
import type { ServerToClientEvents } from "@xinyuan/shared";
import { onServerEvent, realtimeStatus, subscribeRealtimeStatus, whenConnected, type RealtimeStatus } from "./realtimeClient";

export function useRealtimeStatus(): RealtimeStatus {
  return useSyncExternalStore(subscribeRealtimeStatus, realtimeStatus, realtimeStatus);
}

/** Subscribes a component to a server event; the latest handler is always the one called. */
export function useServerEvent<E extends keyof ServerToClientEvents>(event: E, handler: ServerToClientEvents[E]): void {
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    const forward = ((...args: Parameters<ServerToClientEvents[E]>) => (latest.current as (...values: Parameters<ServerToClientEvents[E]>) => void)(...args)) as ServerToClientEvents[E];
    return onServerEvent(event, forward);
  }, [event]);
}

/** Runs the callback now if connected and after every reconnect (join rooms again, refetch, resume). */
export function useWhenConnected(callback: () => void, deps: readonly unknown[] = []): void {
  const latest = useRef(callback);
  latest.current = callback;
  useEffect(() => whenConnected(() => latest.current()), deps);
}
