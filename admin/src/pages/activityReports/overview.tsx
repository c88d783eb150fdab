import { useState } from "react";
import { Card, Select, Space, Statistic, Table } from "antd";
import { PageContainer } from "../../components/PageContainer";
import { LoadFailed } from "../../components/LoadFailed";
import { useAsync } from "../../hooks/useAsync";
import { ReportList } from "./components/ReportList";
import { activityOverview, listActivityReports, listCampaigns } from "./service";

/**
 * 各校宣传月概览: every school of the county with its month so far (schools that reported nothing
 * included), for one campaign or all, and every reported activity with its photos.
 */
export default function ActivityOverviewPage() {
  const [campaignId, setCampaignId] = useState<string | undefined>(undefined);
  const campaigns = useAsync(listCampaigns, []);
  const overview = useAsync(() => activityOverview(campaignId), [campaignId]);
  const reports = useAsync(() => listActivityReports(campaignId), [campaignId]);
  const rows = overview.data ?? [];
  const reported = rows.filter((row) => row.reports > 0).length;
  return (
    <PageContainer
      title="各校宣传月概览"
      description="全县每所学校上报的宣传月活动：活动数、参与人次、最近一次活动。还没有上报的学校排在一起，方便提醒。"
      extra={
        <Select
          style={{ width: 260 }}
          allowClear
          loading={campaigns.loading}
          placeholder="全部主题活动"
          value={campaignId}
          onChange={(value: string | undefined) => setCampaignId(value)}
          options={(campaigns.data ?? []).map((campaign) => ({ value: campaign.id, label: campaign.title }))}
          notFoundContent={campaigns.error ? "主题活动没能加载" : "还没有主题活动"}
        />
      }
    >
      <Card>
        {overview.error ? (
          <LoadFailed error={overview.error} onRetry={overview.reload} />
        ) : (
          <>
            <Space size={48} style={{ marginBottom: 16 }}>
              <Statistic title="已上报的学校" value={reported} suffix={`/ ${rows.length}`} loading={overview.loading} />
              <Statistic title="上报活动" value={rows.reduce((sum, row) => sum + row.reports, 0)} loading={overview.loading} />
              <Statistic title="参与人次" value={rows.reduce((sum, row) => sum + row.participants, 0)} loading={overview.loading} />
            </Space>
            <Table
              size="small"
              rowKey="schoolId"
              loading={overview.loading}
              dataSource={rows}
              locale={{ emptyText: "还没有登记学校。学校在“片区与学校”里添加。" }}
              pagination={{ pageSize: 50, hideOnSinglePage: true }}
              columns={[
                { title: "片区", dataIndex: "areaName" },
                { title: "学校", dataIndex: "schoolName" },
                { title: "上报活动", dataIndex: "reports", sorter: (a, b) => a.reports - b.reports },
                { title: "参与人次", dataIndex: "participants", sorter: (a, b) => a.participants - b.participants },
                { title: "最近活动", dataIndex: "lastHeldOn", render: (value: string | null) => value ?? "尚未上报" },
              ]}
            />
          </>
        )}
      </Card>
      <ReportList title="各校上报的活动" reports={reports} showSchool emptyText="还没有学校上报活动。" />
    </PageContainer>
  );
}
