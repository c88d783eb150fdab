import { Card, Col, Empty, Row, Table } from "antd";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { StatRow } from "@xinyuan/shared";
import { cellText, changeText, chartRows } from "../statisticsPeriods";

interface BreakdownCardProps {
  title: string;
  rows: readonly StatRow[];
  /** Bars lie down for long labels (schools, categories). */
  horizontal?: boolean;
  testId?: string;
  /** A line beside the title (a share, a note). */
  extra?: string;
}

/** One breakdown: a chart of this period against the previous one, and the table beside it ("<5" kept). */
export function BreakdownCard({ title, rows, horizontal = false, testId, extra }: BreakdownCardProps) {
  const data = chartRows(rows);
  const chartHeight = horizontal ? Math.max(220, data.length * 30) : 260;
  return (
    <Card size="small" title={title} extra={extra} data-testid={testId}>
      {rows.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="这段时间没有记录" />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={14}>
            <ResponsiveContainer width="100%" height={chartHeight}>
              {horizontal ? (
                <BarChart data={data} layout="vertical" margin={{ left: 24 }}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis type="number" allowDecimals={false} />
                  <YAxis type="category" dataKey="label" width={120} />
                  <Tooltip />
                  <Legend />
                  <Bar dataKey="本期" fill="#3a8f7f" />
                  <Bar dataKey="上期" fill="#c9d8d3" />
                </BarChart>
              ) : (
                <BarChart data={data}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis dataKey="label" />
                  <YAxis allowDecimals={false} />
                  <Tooltip />
                  <Legend />
                  <Bar dataKey="本期" fill="#3a8f7f" />
                  <Bar dataKey="上期" fill="#c9d8d3" />
                </BarChart>
              )}
            </ResponsiveContainer>
          </Col>
          <Col xs={24} xl={10}>
            <Table<StatRow>
              rowKey="key"
              size="small"
              pagination={rows.length > 12 ? { pageSize: 12, size: "small" } : false}
              dataSource={[...rows]}
              columns={[
                { title: "项目", dataIndex: "label" },
                { title: "本期", key: "current", align: "right", render: (_value, row) => cellText(row.current) },
                { title: "上期", key: "previous", align: "right", render: (_value, row) => cellText(row.previous) },
                { title: "变化", key: "change", align: "right", render: (_value, row) => changeText(row) },
              ]}
            />
          </Col>
        </Row>
      )}
    </Card>
  );
}
