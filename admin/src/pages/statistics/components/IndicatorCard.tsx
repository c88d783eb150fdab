import { Card, Col, Row, Statistic } from "antd";
import type { StatisticsView } from "@xinyuan/shared";

/** The plan's own indicators: schools, full-time teacher coverage, counsellors by level. */
export function IndicatorCard({ indicators }: { indicators: StatisticsView["indicators"] }) {
  const coverage = indicators.schools > 0 ? Math.round((indicators.schoolsWithOwnCounsellor / indicators.schools) * 1000) / 10 : null;
  return (
    <Card size="small" title="工作指标">
      <Row gutter={[16, 8]}>
        <Col xs={12} md={4}><Statistic title="学校" value={indicators.schools} /></Col>
        <Col xs={12} md={5}><Statistic title="有专职心理教师的学校" value={indicators.schoolsWithOwnCounsellor} suffix={coverage === null ? undefined : `（${coverage}%）`} /></Col>
        <Col xs={8} md={5}><Statistic title="学校心理教师" value={indicators.schoolCounsellors} /></Col>
        <Col xs={8} md={5}><Statistic title="片区心理教师" value={indicators.areaCounsellors} /></Col>
        <Col xs={8} md={5}><Statistic title="县中心咨询师" value={indicators.countyCounsellors} /></Col>
      </Row>
    </Card>
  );
}
