import { useCallback, useEffect, useState } from "react";
import type { HotlineCallView, HotlineQueueView } from "@xinyuan/shared";
import { asApiError } from "../../hooks/useAsync";
import type { ApiError } from "../../request";
import { emitWithAck } from "../../realtime/realtimeClient";
import { useServerEvent, useWhenConnected } from "../../realtime/useRealtime";
import { fetchMyCall, fetchQueue } from "./service";

export interface HotlineQueueState {
  queue: HotlineQueueView | null;
  myCall: HotlineCallView | null;
  loading: boolean;
  error: ApiError | null;
  refresh: () => void;
  setMyCall: (call: HotlineCallView | null) => void;
}

/**
 * The live queue and my claimed call. Joins the queue room on every (re)connect ("hotline:watch") and
 * refetches then, and whenever the server says the queue or my call changed.
 */
export function useHotlineQueue(): HotlineQueueState {
  const [queue, setQueue] = useState<HotlineQueueView | null>(null);
  const [myCall, setMyCall] = useState<HotlineCallView | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiError | null>(null);

  const refresh = useCallback(() => {
    Promise.all([fetchQueue(), fetchMyCall()])
      .then(([nextQueue, mine]) => {
        setQueue(nextQueue);
        setMyCall(mine.call);
        setError(null);
      })
      .catch((caught: unknown) => setError(asApiError(caught)))
      .finally(() => setLoading(false));
  }, []);

  useEffect(refresh, [refresh]);
  useWhenConnected(() => {
    void emitWithAck("hotline:watch", {}).catch(() => undefined);
    refresh();
  });
  // no "hotline:unwatch" on leaving: the layout (WorkNotices) keeps the room for new-caller notices on every page
  useServerEvent("hotline:queue-changed", () => refresh());
  useServerEvent("hotline:call-changed", () => refresh());

  return { queue, myCall, loading, error, refresh, setMyCall };
}
