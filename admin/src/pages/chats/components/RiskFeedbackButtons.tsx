import { useState } from "react";
import { Button, Typography } from "antd";
import { apiRoutes, type RiskFeedbackKind } from "@xinyuan/shared";
import { call } from "../../../request";

/**
 * 标记为风险 / 误报 on one student line: tells the supervisors' review queue the detector missed or
 * over-flagged it. Self-contained (its own request) so the message list only places it.
 */
export function RiskFeedbackButtons({ conversationId, seq, flagged }: { conversationId: string; seq: number; flagged: boolean }) {
  const [state, setState] = useState<"idle" | "sending" | "sent">("idle");
  const kind: RiskFeedbackKind = flagged ? "false_alarm" : "missed";
  if (state === "sent") return <Typography.Text type="secondary"> · 已反馈，谢谢</Typography.Text>;
  const send = async () => {
    setState("sending");
    try {
      await call(apiRoutes.giveRiskFeedback, { body: { kind, source: { kind: "chat_message", conversationId, seq }, categories: [], comment: "" }, policy: "message" });
      setState("sent");
    } catch {
      setState("idle");
    }
  };
  return (
    <Button type="link" size="small" loading={state === "sending"} onClick={() => void send()} data-testid="risk-feedback" style={{ fontSize: 12, paddingInline: 4, height: "auto" }}>
      {flagged ? "误报" : "标记为风险"}
    </Button>
  );
}
