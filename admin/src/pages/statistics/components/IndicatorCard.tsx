import { Card, Col, Row, Statistic, Table, Tag } from "antd";
import type { SchoolIndicatorRow, StatisticsView, StatPair } from "@xinyuan/shared";

const share = (part: number, whole: number) => (whole > 0 ? `（${Math.round((part / whole) * 1000) / 10}%）` : undefined);
const previousOf = (pair: StatPair) => `上期 ${pair.previous}`;
const yesNo = (value: boolean) => (value ? <Tag color="green">有</Tag> : <Tag>无</Tag>);

/**
 * The plan's own indicators: full-time teacher, mailbox and counselling room coverage, counsellors by
 * level, May activities and content beside the previous period, and a row per school.
 */
export function IndicatorCard({ indicators }: { indicators: StatisticsView["indicators"] }) {
  const { schools } = indicators;
  return (
    <Card size="small" title="工作指标" data-testid="indicators">
      <Row gutter={[16, 8]}>
        <Col xs={12} md={6}><Statistic title="学校" value={schools} /></Col>
        <Col xs={12} md={6}><Statistic title="有专职心理教师的学校" value={indicators.schoolsWithOwnCounsellor} suffix={share(indicators.schoolsWithOwnCounsellor, schools)} /></Col>
        <Col xs={12} md={6}><Statistic title="开通心理信箱的学校" value={indicators.schoolsWithMailbox} suffix={share(indicators.schoolsWithMailbox, schools)} /></Col>
        <Col xs={12} md={6}><Statistic title="有心理辅导室的学校" value={indicators.schoolsWithRoom} suffix={share(indicators.schoolsWithRoom, schools)} /></Col>
        <Col xs={8} md={6}><Statistic title="学校心理教师" value={indicators.schoolCounsellors} /></Col>
        <Col xs={8} md={6}><Statistic title="片区心理教师" value={indicators.areaCounsellors} /></Col>
        <Col xs={8} md={6}><Statistic title="县中心咨询师" value={indicators.countyCounsellors} /></Col>
        <Col xs={12} md={6}><Statistic title="上报活动的学校" value={indicators.schoolsReportingActivities} suffix={share(indicators.schoolsReportingActivities, schools)} /></Col>
        <Col xs={12} md={6}><Statistic title="学校上报活动（场）" value={indicators.activities.current} suffix={previousOf(indicators.activities)} /></Col>
        <Col xs={12} md={6}><Statistic title="活动参与人次" value={indicators.activityParticipants.current} suffix={previousOf(indicators.activityParticipants)} /></Col>
        <Col xs={12} md={6}><Statistic title="发布内容（篇）" value={indicators.published.current} suffix={previousOf(indicators.published)} /></Col>
        <Col xs={12} md={6}><Statistic title="内容阅读（次）" value={indicators.reads.current} suffix={previousOf(indicators.reads)} /></Col>
      </Row>
      <Table<SchoolIndicatorRow>
        style={{ marginTop: 16 }}
        rowKey="key"
        size="small"
        data-testid="school-indicators"
        locale={{ emptyText: "范围内还没有学校" }}
        pagination={indicators.bySchool.length > 15 ? { pageSize: 15, size: "small" } : false}
        dataSource={[...indicators.bySchool]}
        columns={[
          { title: "学校", dataIndex: "label" },
          { title: "心理信箱", key: "mailbox", render: (_value, row) => yesNo(row.hasMailbox), filters: [{ text: "无", value: false }, { text: "有", value: true }], onFilter: (value, row) => row.hasMailbox === value },
          { title: "心理辅导室", key: "room", render: (_value, row) => yesNo(row.hasRoom), filters: [{ text: "无", value: false }, { text: "有", value: true }], onFilter: (value, row) => row.hasRoom === value },
          { title: "专职心理教师", key: "own", render: (_value, row) => yesNo(row.hasOwnCounsellor) },
          { title: "本期上报活动", dataIndex: "activities", align: "right", sorter: (a, b) => a.activities - b.activities },
        ]}
      />
    </Card>
  );
}
