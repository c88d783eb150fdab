import { useCallback, useEffect, useRef, useState } from "react";
import type { AlertView } from "@xinyuan/shared";
import { useServerEvent, useWhenConnected } from "../realtime/useRealtime";
import { fetchOpenAlerts } from "./alertService";
import { playChime, showDesktopNotification, startTitleFlash, stopTitleFlash } from "./attentionSignals";

export interface AlertInboxState {
  alerts: AlertView[];
  /** Alerts nobody acknowledged yet: the badge, the sound and the title flash follow these. */
  waiting: AlertView[];
  loaded: boolean;
  failed: boolean;
  refresh: () => void;
}

/**
 * The open alerts this staff member may see, loaded through the API on every (re)connect (so an alert
 * raised while this tab was closed is there) and again on "alert:new" / "alert:changed". A new alert
 * chimes and raises a desktop notification; the tab title flashes while any alert waits for someone.
 */
export function useAlertInbox(onOpen: (alert: AlertView) => void): AlertInboxState {
  const [alerts, setAlerts] = useState<AlertView[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [failed, setFailed] = useState(false);
  const known = useRef<Set<string> | null>(null);
  const openLatest = useRef(onOpen);
  openLatest.current = onOpen;

  const refresh = useCallback(() => {
    fetchOpenAlerts()
      .then((next) => {
        const seen = known.current;
        const fresh = next.filter((alert) => alert.state === "new" && (!seen || !seen.has(alert.id)));
        known.current = new Set(next.map((alert) => alert.id));
        setAlerts(next);
        setLoaded(true);
        setFailed(false);
        if (fresh.length === 0) return;
        playChime(fresh.some((alert) => alert.level === "imminent" || alert.level === "high"));
        for (const alert of fresh) {
          showDesktopNotification({
            title: `风险预警：${alert.subjectAlias}`,
            body: `${alert.nobodyOnDuty ? "当前无人值班。" : ""}请尽快确认并处理。`,
            tag: `alert-${alert.id}`,
            requireInteraction: true,
            onClick: () => openLatest.current(alert),
          });
        }
      })
      .catch(() => setFailed(true));
  }, []);

  useEffect(refresh, [refresh]);
  useWhenConnected(refresh);
  useServerEvent("alert:new", refresh);
  useServerEvent("alert:changed", refresh);

  const waiting = alerts.filter((alert) => alert.state === "new");
  useEffect(() => {
    if (waiting.length > 0) startTitleFlash("alerts", `【${waiting.length} 条风险预警待确认】`);
    else stopTitleFlash("alerts");
  }, [waiting.length]);
  useEffect(() => () => stopTitleFlash("alerts"), []);

  return { alerts, waiting, loaded, failed, refresh };
}
