import { Drawer, Empty, List, Space, Tag, Typography } from "antd";
import { contactChannelLabels, riskLevelLabels, riskLevelRank, type ContactRecordView } from "@xinyuan/shared";
import { useAsync } from "../../../hooks/useAsync";
import { LoadFailed } from "../../../components/LoadFailed";
import { LoadingBlock } from "../../../components/LoadingBlock";
import { fetchHistory } from "../service";
import { formatCountyTime } from "../../../countyTime";

/** Earlier contacts by the same alias (the server audits the read), newest first. */
export function CallHistoryDrawer({ callId, alias, open, onClose }: { callId: string; alias: string; open: boolean; onClose: () => void }) {
  return (
    <Drawer title={`${alias} 的既往记录`} open={open} onClose={onClose} width={520} destroyOnHidden>
      {open ? <HistoryList callId={callId} /> : null}
    </Drawer>
  );
}

function HistoryList({ callId }: { callId: string }) {
  const history = useAsync(() => fetchHistory(callId), [callId]);
  if (history.loading) return <LoadingBlock />;
  if (history.error) return <LoadFailed error={history.error} onRetry={history.reload} />;
  if (!history.data?.length) return <Empty description="这是这位来电者第一次联系我们。" />;
  return (
    <List<ContactRecordView>
      dataSource={history.data}
      renderItem={(record) => (
        <List.Item>
          <Space direction="vertical" size={4} style={{ width: "100%" }}>
            <Space wrap>
              <Typography.Text strong>{formatCountyTime(record.recordedAt, "YYYY年M月D日 HH:mm")}</Typography.Text>
              <Tag>{contactChannelLabels[record.channel]}</Tag>
              <Tag color={riskLevelRank[record.riskLevel] >= riskLevelRank.high ? "red" : riskLevelRank[record.riskLevel] >= riskLevelRank.medium ? "orange" : "default"}>{riskLevelLabels[record.riskLevel]}</Tag>
              {record.followUpNeeded ? <Tag color="blue">需跟进</Tag> : null}
            </Space>
            <Typography.Text type="secondary">
              {record.staffName ?? "—"} · {record.durationMinutes} 分钟 · {record.categories.map((category) => category.name).join("、")}
            </Typography.Text>
            {record.summary ? <Typography.Paragraph style={{ whiteSpace: "pre-wrap", margin: 0 }}>{record.summary}</Typography.Paragraph> : null}
          </Space>
        </List.Item>
      )}
    />
  );
}
