import { Card, Col, Row, Statistic } from "antd";
import type { StatisticsView } from "@xinyuan/shared";
import { cellText } from "../statisticsPeriods";

const percent = (share: number | null) => (share === null ? "—" : `${Math.round(share * 1000) / 10}%`);

/** The county line, the chat and the roster in a row of figures (county scope only). */
export function ServiceFigures({ view }: { view: StatisticsView }) {
  const { hotline, chat, coverage } = view;
  if (!hotline && !chat && !coverage) return null;
  return (
    <Row gutter={[16, 16]} data-testid="service-figures">
      {hotline ? (
        <Col xs={24} lg={10}>
          <Card size="small" title="心理援助热线">
            <Row gutter={[8, 8]}>
              <Col span={8}><Statistic title="5 分钟接起率" value={percent(hotline.serviceLevel)} /></Col>
              <Col span={8}><Statistic title="应接来电" value={cellText(hotline.offered)} /></Col>
              <Col span={8}><Statistic title="等待中位数" value={hotline.medianWaitMinutes ?? "—"} suffix={hotline.medianWaitMinutes === null ? undefined : "分钟"} /></Col>
              <Col span={8}><Statistic title="完成通话" value={cellText(hotline.completed)} /></Col>
              <Col span={8}><Statistic title="排队中放弃" value={cellText(hotline.abandoned)} /></Col>
              <Col span={8}><Statistic title="回拨未接通" value={cellText(hotline.missedCallbacks)} /></Col>
            </Row>
          </Card>
        </Col>
      ) : null}
      {chat ? (
        <Col xs={24} lg={8}>
          <Card size="small" title="在线咨询">
            <Row gutter={[8, 8]}>
              <Col span={12}><Statistic title="发起咨询" value={cellText(chat.chats)} /></Col>
              <Col span={12}><Statistic title="老师已回复" value={cellText(chat.answered)} /></Col>
              <Col span={12}><Statistic title="首次回复中位数" value={chat.medianFirstResponseSeconds === null ? "—" : Math.round(chat.medianFirstResponseSeconds / 6) / 10} suffix={chat.medianFirstResponseSeconds === null ? undefined : "分钟"} /></Col>
              <Col span={12}><Statistic title="满意度" value={chat.averageRating ?? "—"} suffix={chat.averageRating === null ? undefined : `/ 5（${cellText(chat.rated)} 条）`} /></Col>
            </Row>
          </Card>
        </Col>
      ) : null}
      {coverage ? (
        <Col xs={24} lg={6}>
          <Card size="small" title="值班覆盖">
            <Statistic title="服务时段有人排班" value={percent(coverage.coveredShare)} />
            <Statistic title="无人排班" value={coverage.uncoveredHours} suffix={` / ${coverage.serviceHours.toLocaleString("zh-CN")} 小时`} valueStyle={coverage.uncoveredHours > 0 ? { color: "#cf1322" } : undefined} />
          </Card>
        </Col>
      ) : null}
    </Row>
  );
}
