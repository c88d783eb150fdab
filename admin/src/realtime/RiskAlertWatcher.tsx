import { App, Button } from "antd";
import { useNavigate } from "react-router-dom";
import { riskLevelLabels, riskSignalCategoryLabels } from "@xinyuan/shared";
import { useServerEvent } from "./useRealtime";

/** Risk detected in a student's message: a notification that stays until dismissed, on any page. */
export function RiskAlertWatcher() {
  const { notification } = App.useApp();
  const navigate = useNavigate();
  useServerEvent("chat:risk", (alert) => {
    const key = `risk-${alert.conversationId}`;
    const categories = alert.categories.map((category) => riskSignalCategoryLabels[category]).join("、");
    notification.warning({
      key,
      message: `风险提醒：${alert.alias}`,
      description: `在线咨询中出现${categories || "风险"}信号（${riskLevelLabels[alert.riskLevel]}）。请尽快查看并评估，必要时启动危机干预流程。`,
      duration: 0,
      btn: (
        <Button
          type="primary"
          size="small"
          onClick={() => {
            notification.destroy(key);
            navigate(`/chats?c=${alert.conversationId}`);
          }}
        >
          去查看
        </Button>
      ),
    });
  });
  return null;
}
