import { Tag, Tooltip } from "antd";
import { useRealtimeStatus } from "./useRealtime";

const labels = { idle: "", connecting: "正在连接…", connected: "实时连接正常", reconnecting: "正在重新连接…" } as const;

/** A small calm sign in the header of whether live updates are flowing. */
export function ConnectionBadge() {
  const status = useRealtimeStatus();
  if (status === "idle") return null;
  return (
    <Tooltip title={status === "connected" ? "队列和消息会自动更新" : "网络恢复后会自动补齐错过的内容"}>
      <Tag color={status === "connected" ? "green" : "orange"} data-testid="realtime-status" data-status={status}>
        {labels[status]}
      </Tag>
    </Tooltip>
  );
}
