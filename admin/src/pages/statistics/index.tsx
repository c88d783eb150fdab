import { useState } from "react";
import { App, Alert, Button, Col, DatePicker, Empty, Row, Segmented, Space, Statistic, Card } from "antd";
import { DownloadOutlined } from "@ant-design/icons";
import dayjs, { type Dayjs } from "dayjs";
import type { StatisticsQuery } from "@xinyuan/shared";
import { PageContainer } from "../../components/PageContainer";
import { LoadFailed } from "../../components/LoadFailed";
import { LoadingBlock } from "../../components/LoadingBlock";
import { useAsync } from "../../hooks/useAsync";
import { downloadReport, fetchStatistics } from "./service";
import { cellText, changeText, periodPresetLabels, presetRange, type PeriodPreset } from "./statisticsPeriods";
import { BreakdownCard } from "./components/BreakdownCard";
import { ServiceFigures } from "./components/ServiceFigures";
import { IndicatorCard } from "./components/IndicatorCard";
import { LetterCard } from "./components/LetterCard";
import { countyToday } from "../../countyTime";

const shareText = (share: number | null) => (share === null ? "—" : `${Math.round(share * 1000) / 10}%`);
const presets = Object.keys(periodPresetLabels) as PeriodPreset[];
const toQuery = ([from, to]: [Dayjs, Dayjs]): StatisticsQuery => ({ from: from.format("YYYY-MM-DD"), to: to.format("YYYY-MM-DD") });

/** 统计与督查: the service's figures for the reader's scope, beside the previous period, and the reports. */
export default function StatisticsPage() {
  const { message } = App.useApp();
  const [preset, setPreset] = useState<PeriodPreset | null>("term");
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => presetRange("term", dayjs(countyToday())));
  const [exporting, setExporting] = useState<"xlsx" | "pdf" | null>(null);
  const query = toQuery(range);
  const stats = useAsync(() => fetchStatistics(query), [query.from, query.to]);

  const exportAs = async (format: "xlsx" | "pdf") => {
    setExporting(format);
    try {
      await downloadReport(format, query);
      void message.success(format === "xlsx" ? "Excel 报表已下载" : "PDF 报表已下载");
    } catch {
      // the request wrapper has said why
    } finally {
      setExporting(null);
    }
  };

  const view = stats.data;
  return (
    <PageContainer
      title="统计与督查"
      description="只显示汇总数字，不含任何个人信息；小于 5 的数字显示为 “<5”。每次导出报表都会记录在审计日志里。"
      extra={
        <Space wrap>
          <Button icon={<DownloadOutlined />} loading={exporting === "xlsx"} disabled={!view} onClick={() => void exportAs("xlsx")}>
            导出 Excel
          </Button>
          <Button icon={<DownloadOutlined />} loading={exporting === "pdf"} disabled={!view} onClick={() => void exportAs("pdf")}>
            导出 PDF
          </Button>
        </Space>
      }
    >
      <Space wrap>
        <Segmented<PeriodPreset | "custom">
          value={preset ?? "custom"}
          options={[...presets.map((key) => ({ value: key, label: periodPresetLabels[key] })), { value: "custom", label: "自定义", disabled: true }]}
          onChange={(value) => {
            if (value === "custom") return;
            setPreset(value);
            setRange(presetRange(value, dayjs(countyToday())));
          }}
        />
        <DatePicker.RangePicker
          allowClear={false}
          value={range}
          disabledDate={(day) => day.isAfter(dayjs(countyToday()), "day")}
          onChange={(values) => {
            if (!values?.[0] || !values[1]) return;
            setPreset(null);
            setRange([values[0], values[1]]);
          }}
        />
      </Space>
      {stats.loading && !view ? <LoadingBlock /> : null}
      {stats.error && !view ? <LoadFailed error={stats.error} onRetry={stats.reload} /> : null}
      {stats.error && view ? <Alert type="warning" showIcon message={`没能刷新：${stats.error.message}`} /> : null}
      {view ? (
        <Space direction="vertical" size={16} style={{ width: "100%" }} data-testid="statistics">
          <Row gutter={[16, 16]}>
            <Col xs={24} md={8}>
              <Card size="small">
                <Statistic title={`${view.scopeName} · 服务总量`} value={cellText(view.contacts.total.current)} suffix={changeText(view.contacts.total) ? `（较上期 ${changeText(view.contacts.total)}）` : undefined} />
              </Card>
            </Col>
            <Col xs={12} md={8}>
              <Card size="small"><Statistic title="需要跟进" value={cellText(view.contacts.followUpNeeded.current)} /></Card>
            </Col>
            <Col xs={12} md={8}>
              <Card size="small"><Statistic title="已转介" value={cellText(view.contacts.referred.current)} /></Card>
            </Col>
          </Row>
          {view.contacts.total.current.count === 0 ? <Empty description="这段时间还没有服务记录。" /> : null}
          <ServiceFigures view={view} />
          <BreakdownCard title="按渠道" rows={view.contacts.byChannel} testId="by-channel" />
          <BreakdownCard title="按月份" rows={view.contacts.byMonth} />
          <BreakdownCard title="按问题分类（大类）" rows={view.contacts.byCategory} horizontal />
          <BreakdownCard title="按风险等级" rows={view.contacts.byRisk} />
          <BreakdownCard title="按学校" rows={view.contacts.bySchool} horizontal testId="by-school" />
          <Row gutter={[16, 16]}>
            <Col xs={24} xxl={12}><BreakdownCard title="按片区" rows={view.contacts.byArea} /></Col>
            <Col xs={24} xxl={12}><BreakdownCard title="按学段" rows={view.contacts.byStage} /></Col>
          </Row>
          <BreakdownCard title="按年龄段" rows={view.contacts.byAgeBand} />
          <LetterCard letters={view.letters} />
          <BreakdownCard
            title="危机个案"
            rows={[view.cases.opened, view.cases.ownedWithin5Min, view.cases.referred, view.cases.closed]}
            extra={`5 分钟内有人负责：${shareText(view.cases.ownedShare.current)}（上期 ${shareText(view.cases.ownedShare.previous)}）`}
            testId="cases"
          />
          <IndicatorCard indicators={view.indicators} />
        </Space>
      ) : null}
    </PageContainer>
  );
}
