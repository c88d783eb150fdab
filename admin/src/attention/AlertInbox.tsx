import { useState } from "react";
import { Badge, Button, Drawer, Tooltip } from "antd";
import { BellOutlined } from "@ant-design/icons";
import { useNavigate } from "react-router-dom";
import type { AlertView } from "@xinyuan/shared";
import { useAlertInbox } from "./useAlertInbox";
import { AlertList } from "./AlertList";
import { NotificationPermissionButton } from "./NotificationPermissionButton";

/** Where an alert's source opens in the admin. */
export function alertSourcePath(alert: AlertView): string {
  return alert.source.kind === "chat" ? `/chats?c=${alert.source.id}` : alert.source.kind === "hotline" ? "/hotline" : "/alerts";
}

/**
 * The header bell on every admin page: the number of alerts waiting for someone, a drawer to acknowledge
 * and open them. Supervisors see every alert; counsellors the ones escalated to them.
 */
export function AlertInbox() {
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const openSource = (alert: AlertView) => {
    setOpen(false);
    navigate(alertSourcePath(alert));
  };
  const inbox = useAlertInbox(() => setOpen(true));
  const count = inbox.waiting.length;
  return (
    <>
      <Tooltip title={count > 0 ? `${count} 条风险预警待确认` : "风险预警"}>
        <Badge count={count} data-testid="alert-badge" offset={[-4, 4]}>
          <Button type={count > 0 ? "primary" : "text"} danger={count > 0} icon={<BellOutlined />} onClick={() => setOpen(true)} aria-label="风险预警">
            {count > 0 ? "预警" : null}
          </Button>
        </Badge>
      </Tooltip>
      <Drawer title="风险预警" open={open} onClose={() => setOpen(false)} width={480} extra={<NotificationPermissionButton />}>
        <AlertList alerts={inbox.alerts} loaded={inbox.loaded} failed={inbox.failed} onChanged={inbox.refresh} onOpenSource={openSource} />
      </Drawer>
    </>
  );
}
