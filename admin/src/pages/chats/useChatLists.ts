import { useCallback, useEffect, useState } from "react";
import type { ChatQueueEntryView, StaffConversationView } from "@xinyuan/shared";
import { asApiError } from "../../hooks/useAsync";
import type { ApiError } from "../../request";
import { useServerEvent, useWhenConnected } from "../../realtime/useRealtime";
import { fetchAssigned, fetchLive, fetchQueue } from "./service";

export interface ChatLists {
  assigned: StaffConversationView[] | null;
  queue: ChatQueueEntryView[] | null;
  live: StaffConversationView[] | null;
  error: ApiError | null;
  refresh: () => void;
}

/** My conversations, the waiting queue and (supervisors) every live conversation, kept fresh by socket notices. */
export function useChatLists(supervisor: boolean): ChatLists {
  const [assigned, setAssigned] = useState<StaffConversationView[] | null>(null);
  const [queue, setQueue] = useState<ChatQueueEntryView[] | null>(null);
  const [live, setLive] = useState<StaffConversationView[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const refresh = useCallback(() => {
    Promise.all([fetchAssigned(), fetchQueue(), supervisor ? fetchLive() : Promise.resolve(null)])
      .then(([mine, waiting, all]) => {
        setAssigned(mine);
        setQueue(waiting);
        setLive(all);
        setError(null);
      })
      .catch((caught: unknown) => setError(asApiError(caught)));
  }, [supervisor]);

  useEffect(refresh, [refresh]);
  useWhenConnected(refresh);
  useServerEvent("chat:queue", refresh);
  useServerEvent("chat:assigned", refresh);
  useServerEvent("chat:unassigned", refresh);
  useServerEvent("chat:risk", refresh);
  return { assigned, queue, live, error, refresh };
}
