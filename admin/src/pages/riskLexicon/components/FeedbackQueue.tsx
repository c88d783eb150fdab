import { useState } from "react";
import { Alert, Button, Modal, Select, Space, Table, Tag, Typography } from "antd";
import {
  riskFeedbackKindLabels,
  riskLevelLabels,
  riskLevels,
  riskSignalCategories,
  riskSignalCategoryLabels,
  type RiskFeedbackDetailView,
  type RiskFeedbackView,
  type RiskLevel,
  type RiskSignalCategory,
} from "@xinyuan/shared";
import { LoadFailed } from "../../../components/LoadFailed";
import { LoadingBlock } from "../../../components/LoadingBlock";
import { useAsync } from "../../../hooks/useAsync";
import { getFeedback, listFeedback, resolveFeedback } from "../service";
import { formatCountyTime } from "../../../countyTime";

const resolutionLabels = { corpus_row: "已加入语料", lexicon_entry: "已改词库", dismissed: "不处理" } as const;

/**
 * 复核队列: counsellors' 标记为风险 / 误报. The list never shows the student's words; 查看原文 opens one
 * item (the server audits that read) where the supervisor labels it into the corpus, notes a lexicon edit
 * or dismisses it.
 */
export function FeedbackQueue() {
  const queue = useAsync(listFeedback, []);
  const [open, setOpen] = useState<RiskFeedbackDetailView | null>(null);
  const [categories, setCategories] = useState<RiskSignalCategory[]>([]);
  const [level, setLevel] = useState<RiskLevel>("medium");
  const [busy, setBusy] = useState(false);

  const show = async (item: RiskFeedbackView) => {
    const detail = await getFeedback(item.id);
    setOpen(detail);
    setCategories(detail.kind === "missed" ? detail.suggestedCategories : []);
    setLevel(detail.kind === "missed" ? "medium" : "none");
  };

  const resolve = async (resolution: "corpus_row" | "lexicon_entry" | "dismissed") => {
    if (!open) return;
    setBusy(true);
    try {
      await resolveFeedback(open.id, { resolution, categories, level: categories.length ? level : "none" });
      setOpen(null);
      queue.reload();
    } catch {
      // shown by the request wrapper
    } finally {
      setBusy(false);
    }
  };

  if (queue.error) return <LoadFailed error={queue.error} onRetry={queue.reload} />;
  if (!queue.data) return <LoadingBlock />;
  return (
    <>
      <Table<RiskFeedbackView>
        rowKey="id"
        size="small"
        pagination={{ pageSize: 20 }}
        dataSource={queue.data}
        locale={{ emptyText: "暂时没有需要复核的反馈。" }}
        columns={[
          { title: "类型", render: (_, item) => <Tag color={item.kind === "missed" ? "red" : "blue"}>{riskFeedbackKindLabels[item.kind]}</Tag> },
          { title: "识别结果", render: (_, item) => `${riskLevelLabels[item.detectedLevel]}${item.detectedCategories.length ? `：${item.detectedCategories.map((category) => riskSignalCategoryLabels[category]).join("、")}` : ""}` },
          { title: "咨询师认为", render: (_, item) => item.suggestedCategories.map((category) => riskSignalCategoryLabels[category]).join("、") || "—" },
          { title: "备注", dataIndex: "comment" },
          { title: "反馈人", dataIndex: "staffName" },
          { title: "时间", render: (_, item) => formatCountyTime(item.createdAt, "YYYY/M/D HH:mm:ss") },
          { title: "状态", render: (_, item) => (item.status === "open" ? <Tag color="orange">待复核</Tag> : <Tag>{item.resolution ? resolutionLabels[item.resolution] : "已处理"}</Tag>) },
          {
            title: "操作",
            render: (_, item) =>
              item.status === "open" ? (
                <Button size="small" onClick={() => void show(item)}>
                  查看原文并处理
                </Button>
              ) : null,
          },
        ]}
      />
      <Modal open={open !== null} title="复核反馈" footer={null} onCancel={() => setOpen(null)} destroyOnHidden>
        {open ? (
          <Space direction="vertical" style={{ width: "100%" }}>
            <Alert type="info" showIcon message="查看原文已记入审计日志。" />
            <Typography.Paragraph style={{ whiteSpace: "pre-wrap", background: "#fafafa", padding: 12 }}>{open.text}</Typography.Paragraph>
            <Typography.Text>加入语料时的标注（不选类别 = 不需要关注的消息）：</Typography.Text>
            <Select<RiskSignalCategory[]>
              mode="multiple"
              style={{ width: "100%" }}
              value={categories}
              onChange={setCategories}
              placeholder="风险类别"
              options={riskSignalCategories.map((category) => ({ value: category, label: riskSignalCategoryLabels[category] }))}
              aria-label="风险类别"
            />
            {categories.length ? (
              <Select<RiskLevel> style={{ width: 200 }} value={level} onChange={setLevel} options={riskLevels.filter((one) => one !== "none").map((one) => ({ value: one, label: riskLevelLabels[one] }))} aria-label="风险等级" />
            ) : null}
            <Space wrap>
              <Button type="primary" loading={busy} onClick={() => void resolve("corpus_row")}>
                加入语料
              </Button>
              <Button loading={busy} onClick={() => void resolve("lexicon_entry")}>
                已在词库中修改
              </Button>
              <Button loading={busy} onClick={() => void resolve("dismissed")}>
                不处理
              </Button>
            </Space>
          </Space>
        ) : null}
      </Modal>
    </>
  );
}
