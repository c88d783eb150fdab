import { useState } from "react";
import { Button, Space, Typography } from "antd";
import { apiRoutes, type RiskFeedbackKind, type RiskFeedbackSource } from "@xinyuan/shared";
import { call } from "../../request";
import { asApiError } from "../../hooks/useAsync";

const sentLabels: Record<RiskFeedbackKind, string> = { missed: "已标记为风险，谢谢", false_alarm: "已标记误报，谢谢" };

/**
 * 标记为风险 / 误报 on one piece of a student's or parent's words (a chat line, a letter or its reply, a
 * call-back topic, or any of these shown by a crisis case: source `case_source`): tells the supervisors' review queue the detector missed or over-flagged it.
 * `flagged`: whether the detector flagged these words (true → 误报, false → 标记为风险); null when the view
 * does not know (a call-back topic), then both are offered. Once sent it says so and cannot be sent again
 * (the server keeps one per person, words and kind, so a second click after a reload changes nothing either).
 * Self-contained (its own request), so a view only places it.
 */
export function RiskFeedbackButtons({ source, flagged }: { source: RiskFeedbackSource; flagged: boolean | null }) {
  const [sending, setSending] = useState<RiskFeedbackKind | null>(null);
  const [sent, setSent] = useState<RiskFeedbackKind | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  if (sent)
    return (
      <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="risk-feedback-sent">
        · {sentLabels[sent]}
      </Typography.Text>
    );
  const kinds: RiskFeedbackKind[] = flagged === null ? ["missed", "false_alarm"] : [flagged ? "false_alarm" : "missed"];
  const send = async (kind: RiskFeedbackKind) => {
    setSending(kind);
    setProblem(null);
    try {
      await call(apiRoutes.giveRiskFeedback, { body: { kind, source, categories: [], comment: "" }, policy: "silent" });
      setSent(kind);
    } catch (error) {
      setProblem(asApiError(error).message || "没能提交，请稍后再试。");
    } finally {
      setSending(null);
    }
  };
  return (
    <Space size={0} wrap>
      {kinds.map((kind) => (
        <Button
          key={kind}
          type="link"
          size="small"
          loading={sending === kind}
          disabled={sending !== null && sending !== kind}
          onClick={() => void send(kind)}
          data-testid={kinds.length === 1 ? "risk-feedback" : `risk-feedback-${kind}`}
          style={{ fontSize: 12, paddingInline: 4, height: "auto" }}
        >
          {kind === "false_alarm" ? "误报" : "标记为风险"}
        </Button>
      ))}
      {problem ? (
        <Typography.Text type="danger" style={{ fontSize: 12 }} role="alert">
          {problem}
        </Typography.Text>
      ) : null}
    </Space>
  );
}
