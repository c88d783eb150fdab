import { Card, Col, Empty, Row, Table } from "antd";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { LetterFigures, StatRow } from "@xinyuan/shared";
import { cellText } from "../statisticsPeriods";

const both = (row: StatRow) => `${cellText(row.current)} / ${cellText(row.previous)}`;
const days = (value: number | null) => (value === null ? "—" : `${value} 天`);

/**
 * 来信回复 by box kind: this period's answered-on-time, late and unanswered letters as stacked bars (a box
 * with a hidden cell is left out of the chart), and every figure of both periods in the table.
 */
export function LetterCard({ letters }: { letters: readonly LetterFigures[] }) {
  const boxes = letters.filter((box) => box.kind !== "all");
  const all = letters.find((box) => box.kind === "all");
  const data = boxes
    .filter((box) => ![box.repliedOnTime, box.repliedLate, box.unreplied].some((row) => row.current.suppressed) && (box.received.current.count ?? 0) > 0)
    .map((box) => ({ label: box.label, 按时回复: box.repliedOnTime.current.count ?? 0, 超时回复: box.repliedLate.current.count ?? 0, 尚未回复: box.unreplied.current.count ?? 0 }));
  const nothing = all !== undefined && all.received.current.count === 0 && all.received.previous.count === 0;
  return (
    <Card size="small" title="来信回复（按信箱）" extra="按时：在告诉来信人的回复期限（第 N 个工作日 18:00）之前回复" data-testid="letters">
      {nothing ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="这段时间没有收到来信" />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={10}>
            {data.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="数字太小，不画图（见右表）" />
            ) : (
              <ResponsiveContainer width="100%" height={240}>
                <BarChart data={data}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis dataKey="label" />
                  <YAxis allowDecimals={false} />
                  <Tooltip />
                  <Legend />
                  <Bar dataKey="按时回复" stackId="letters" fill="#3a8f7f" />
                  <Bar dataKey="超时回复" stackId="letters" fill="#e0a458" />
                  <Bar dataKey="尚未回复" stackId="letters" fill="#c9c9c9" />
                </BarChart>
              </ResponsiveContainer>
            )}
          </Col>
          <Col xs={24} xl={14}>
            <Table<LetterFigures>
              rowKey="kind"
              size="small"
              pagination={false}
              dataSource={[...letters]}
              columns={[
                { title: "信箱", dataIndex: "label" },
                { title: "收到（本期 / 上期）", key: "received", align: "right", render: (_value, box) => both(box.received) },
                { title: "按时回复", key: "onTime", align: "right", render: (_value, box) => both(box.repliedOnTime) },
                { title: "超时回复", key: "late", align: "right", render: (_value, box) => both(box.repliedLate) },
                { title: "尚未回复", key: "unreplied", align: "right", render: (_value, box) => both(box.unreplied) },
                { title: "首次回复用时中位数（工作日）", key: "median", align: "right", render: (_value, box) => `${days(box.medianReplyWorkingDays.current)} / ${days(box.medianReplyWorkingDays.previous)}` },
              ]}
            />
          </Col>
        </Row>
      )}
    </Card>
  );
}
