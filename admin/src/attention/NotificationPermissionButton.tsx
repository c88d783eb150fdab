import { useState } from "react";
import { Button } from "antd";
import { askNotificationPermission, notificationPermission } from "./attentionSignals";

/** Asks for desktop notifications only when the staff member clicks; hidden once answered. */
export function NotificationPermissionButton() {
  const [permission, setPermission] = useState(notificationPermission());
  if (permission !== "default") return null;
  return (
    <Button size="small" onClick={() => void askNotificationPermission().then(setPermission)}>
      开启桌面提醒
    </Button>
  );
}
