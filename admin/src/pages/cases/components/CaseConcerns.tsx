import { useState } from "react";
import { Button, Card, Flex, List, Tag, Typography } from "antd";
import type { CaseConcernView } from "@xinyuan/shared";
import { useAsync, asApiError } from "../../../hooks/useAsync";
import { LoadingBlock } from "../../../components/LoadingBlock";
import { LoadFailed } from "../../../components/LoadFailed";
import { RiskFeedbackButtons } from "../../../components/riskFeedback/RiskFeedbackButtons";
import * as api from "../service";
import { concernKey, concernKindLabel, concernVerdictLabel } from "./caseConcernLabels";
import { formatCountyTime } from "../../../countyTime";

const time = (iso: string) => formatCountyTime(iso, "YYYY/M/D HH:mm:ss");
const levelColours: Record<CaseConcernView["detectedLevel"], string | undefined> = { none: undefined, low: "blue", medium: "gold", high: "orange", imminent: "red" };

/** One item: what and when, the verdict, 查看原文 (each opening is recorded) and 标记为风险 / 误报 from the case. */
function ConcernItem({ caseId, item, canReadText }: { caseId: string; item: CaseConcernView; canReadText: boolean }) {
  const [text, setText] = useState<string | null>(null);
  const [opening, setOpening] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const open = async () => {
    setOpening(true);
    setProblem(null);
    try {
      setText((await api.readCaseConcern(caseId, item.source)).text);
    } catch (error) {
      setProblem(asApiError(error).message || "没能打开原文，请稍后再试。");
    } finally {
      setOpening(false);
    }
  };
  return (
    <List.Item data-testid="case-concern">
      <Flex vertical gap={4} style={{ width: "100%" }}>
        <Flex wrap gap={8} align="center">
          <Typography.Text strong>{concernKindLabel(item.source)}</Typography.Text>
          <Typography.Text type="secondary">{time(item.at)}</Typography.Text>
          <Tag color={item.flaggedBy === "counsellor" ? "purple" : levelColours[item.detectedLevel]}>{concernVerdictLabel(item)}</Tag>
        </Flex>
        {text !== null ? (
          <Typography.Paragraph style={{ margin: 0, whiteSpace: "pre-wrap", background: "#fafafa", padding: 8, borderRadius: 4 }} data-testid="case-concern-text">
            {text}
          </Typography.Paragraph>
        ) : null}
        {canReadText ? (
          <Flex wrap gap={8} align="center">
            {text === null ? (
              <Button size="small" loading={opening} onClick={() => void open()} data-testid="case-concern-open">
                查看原文
              </Button>
            ) : (
              <Button size="small" type="text" onClick={() => setText(null)}>
                收起原文
              </Button>
            )}
            <RiskFeedbackButtons source={{ kind: "case_source", caseId, source: item.source }} flagged={item.detectedLevel !== "none"} />
            {problem ? (
              <Typography.Text type="danger" role="alert" style={{ fontSize: 12 }}>
                {problem}
              </Typography.Text>
            ) : null}
          </Flex>
        ) : null}
      </Flex>
    </List.Item>
  );
}

/**
 * 引发关注的内容: the flagged chat lines, letters and call-back topics the case links, without their words.
 * The owner, the team and supervisors may open one (查看原文, recorded in the audit log) and tell the review
 * queue the detector got it wrong; centre admins see only that the items exist.
 */
export function CaseConcerns({ caseId }: { caseId: string }) {
  const loaded = useAsync(() => api.fetchCaseConcerns(caseId), [caseId]);
  const view = loaded.data;
  return (
    <Card size="small" title="引发关注的内容" data-testid="case-concerns">
      {loaded.loading && !view ? <LoadingBlock tip="正在加载引发关注的内容…" /> : null}
      {loaded.error && !view ? <LoadFailed error={loaded.error} onRetry={loaded.reload} title="没能加载引发关注的内容" /> : null}
      {view ? (
        <Flex vertical gap={8}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {view.canReadText
              ? "这里只列出系统或咨询师标出的那几句话、来信和回拨主题，默认不显示原文。每次查看原文都会留下记录。判断有误时可以点“误报”或“标记为风险”，帮助改进识别。"
              : "这里只列出系统或咨询师标出的内容，不显示原文。原文仅个案负责人、跟进小组和督导可以查看。"}
          </Typography.Text>
          {view.items.length === 0 ? (
            <Typography.Text type="secondary" data-testid="case-concerns-empty">
              关联的咨询里暂时没有被标出风险的内容。
            </Typography.Text>
          ) : (
            <List size="small" dataSource={view.items} rowKey={(item) => concernKey(item.source)} renderItem={(item) => <ConcernItem caseId={caseId} item={item} canReadText={view.canReadText} />} />
          )}
        </Flex>
      ) : null}
    </Card>
  );
}
