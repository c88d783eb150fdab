import { Card, Segmented, Space } from "antd";
import { useCallback, useEffect, useState } from "react";
import { useNavigate, useSearchParams } from "react-router-dom";
import type { AlertView } from "@xinyuan/shared";
import { useServerEvent, useWhenConnected } from "../../realtime/useRealtime";
import { AlertList } from "../../attention/AlertList";
import { alertSourcePath } from "../../attention/AlertInbox";
import { NotificationPermissionButton } from "../../attention/NotificationPermissionButton";
import { fetchAllAlerts, fetchOpenAlerts } from "../../attention/alertService";

/** 风险预警: the inbox as a page (the webhook's link lands here with ?focus=<id>), open ones or all. */
export default function AlertsPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [scope, setScope] = useState<"open" | "all">("open");
  const [alerts, setAlerts] = useState<AlertView[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [failed, setFailed] = useState(false);
  const refresh = useCallback(() => {
    (scope === "open" ? fetchOpenAlerts() : fetchAllAlerts())
      .then((next) => {
        setAlerts(next);
        setFailed(false);
      })
      .catch(() => setFailed(true))
      .finally(() => setLoaded(true));
  }, [scope]);
  useEffect(refresh, [refresh]);
  useWhenConnected(refresh, [refresh]);
  useServerEvent("alert:new", refresh);
  useServerEvent("alert:changed", refresh);
  return (
    <Card
      title="风险预警"
      extra={
        <Space>
          <NotificationPermissionButton />
          <Segmented value={scope} onChange={(value) => setScope(value as "open" | "all")} options={[{ value: "open", label: "待处理" }, { value: "all", label: "全部" }]} />
        </Space>
      }
    >
      <AlertList alerts={alerts} loaded={loaded} failed={failed} focusId={params.get("focus")} onChanged={refresh} onOpenSource={(alert) => navigate(alertSourcePath(alert))} />
    </Card>
  );
}
