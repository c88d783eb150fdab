import { Table, Tag, Typography } from "antd";
import { riskSignalCategories, riskSignalCategoryLabels, type RiskFiguresView, type RiskLexiconEvaluationView } from "@xinyuan/shared";

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

interface Row {
  key: string;
  name: string;
  before: RiskFiguresView;
  after: RiskFiguresView | null;
}

function change(before: number, after: number | undefined, higherIsBetter: boolean) {
  if (after === undefined) return percent(before);
  const worse = higherIsBetter ? after < before : after > before;
  const better = higherIsBetter ? after > before : after < before;
  return (
    <span>
      {percent(before)} → <Typography.Text type={worse ? "danger" : better ? "success" : undefined}>{percent(after)}</Typography.Text>
    </span>
  );
}

/** 检出率 / 准确率 / 误报率, overall and per category; with `after`, before → after with worse figures in red. */
export function FiguresComparison({ before, after }: { before: RiskLexiconEvaluationView; after?: RiskLexiconEvaluationView }) {
  const rows: Row[] = [
    { key: "overall", name: "全部（按消息）", before: before.overall, after: after?.overall ?? null },
    ...riskSignalCategories.map((category) => ({ key: category, name: riskSignalCategoryLabels[category], before: before.categories[category], after: after?.categories[category] ?? null })),
    // 留出语料 only when the server was given one (RISK_BLIND_FILE): with no rows its figures would mean nothing
    ...(before.heldOut.positives + before.heldOut.negatives > 0 ? [{ key: "heldOut", name: "留出语料（未用于调词）", before: before.heldOut, after: after?.heldOut ?? null }] : []),
  ];
  const gate = after ?? before;
  return (
    <>
      <Typography.Paragraph>
        语料 {gate.rows} 条。启用门槛：检出率 ≥ 95%，误报率 ≤ 10%。{" "}
        {gate.passesGate ? <Tag color="green">达标，可以启用</Tag> : <Tag color="red">未达标，不能启用</Tag>}
      </Typography.Paragraph>
      <Table<Row>
        size="small"
        pagination={false}
        rowKey="key"
        dataSource={rows}
        columns={[
          { title: "类别", dataIndex: "name" },
          { title: "条数", render: (_, row) => row.before.positives },
          { title: "检出率", render: (_, row) => change(row.before.recall, row.after?.recall, true) },
          { title: "准确率", render: (_, row) => change(row.before.precision, row.after?.precision, true) },
          { title: "误报率", render: (_, row) => change(row.before.falseAlarmRate, row.after?.falseAlarmRate, false) },
        ]}
      />
    </>
  );
}
