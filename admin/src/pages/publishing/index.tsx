import { useState } from "react";
import { Button, Card, Drawer, Segmented, Table, Tabs, Tag } from "antd";
import { publicationKindLabels, publicationStatusLabels, type PublicationStaffView, type PublicationStatus } from "@xinyuan/shared";
import { PageContainer } from "../../components/PageContainer";
import { LoadFailed } from "../../components/LoadFailed";
import { useAsync } from "../../hooks/useAsync";
import { useSession } from "../../session/useSession";
import { PublicationDetail } from "./components/PublicationDetail";
import { CampaignsTab } from "./components/CampaignsTab";
import { listCampaigns, listPublications } from "./service";
import { formatCountyTime } from "../../countyTime";

const statusColors: Record<PublicationStatus, string> = { draft: "default", submitted: "gold", approved: "cyan", scheduled: "purple", published: "green", archived: "default" };

/**
 * 内容发布 / 宣传月: the editor's workspace (write, submit), the reviewer's queue (checklist, approve or
 * send back, publish) and campaigns. Schools' May activity reports and the county overview have their
 * own menu entries (pages/activityReports).
 */
export default function PublishingPage() {
  const session = useSession();
  const staff = session?.staff;
  const editor = staff?.roles.includes("editor") ?? false;
  const reviewer = staff?.roles.includes("reviewer") ?? false;
  const county = staff?.scope.level === "county";
  const [filter, setFilter] = useState<PublicationStatus | "all">(reviewer && !editor ? "submitted" : "all");
  const items = useAsync(() => listPublications(filter === "all" ? {} : { status: filter }), [filter]);
  const campaigns = useAsync(listCampaigns, []);
  const [open, setOpen] = useState<PublicationStaffView | "new" | null>(null);

  const changed = (next: PublicationStaffView) => {
    setOpen(next);
    items.reload();
  };

  const desk = (
    <Card>
      <Segmented
        style={{ marginBottom: 12 }}
        value={filter}
        onChange={(value) => setFilter(value as PublicationStatus | "all")}
        options={[{ value: "all", label: "全部" }, ...(["draft", "submitted", "approved", "scheduled", "published", "archived"] as const).map((status) => ({ value: status, label: status === "submitted" ? "待审核" : publicationStatusLabels[status] }))]}
      />
      {items.error ? (
        <LoadFailed error={items.error} onRetry={items.reload} />
      ) : (
        <Table
          rowKey="id"
          loading={items.loading}
          dataSource={items.data ?? []}
          locale={{ emptyText: filter === "submitted" ? "没有等待审核的内容" : "还没有内容，点“写新内容”开始。" }}
          onRow={(item) => ({ onClick: () => setOpen(item), style: { cursor: "pointer" } })}
          columns={[
            { title: "标题", dataIndex: "title", render: (title: string, item) => <>{title} {item.sensitive ? <Tag color="red">敏感话题</Tag> : null}</> },
            { title: "类型", dataIndex: "kind", render: (kind: PublicationStaffView["kind"]) => publicationKindLabels[kind] },
            { title: "状态", dataIndex: "status", render: (status: PublicationStatus) => <Tag color={statusColors[status]}>{publicationStatusLabels[status]}</Tag> },
            { title: "作者", dataIndex: "createdByName" },
            { title: "更新时间", dataIndex: "updatedAt", render: (at: string) => formatCountyTime(at, "YYYY/M/D HH:mm:ss") },
          ]}
        />
      )}
    </Card>
  );

  return (
    <PageContainer
      title="宣传月与内容发布"
      description="编辑撰写文章、视频、通知、活动和心理委员 / 家长课堂资料；县级审核员审核后发布。涉及自杀或自伤的内容需按安全报道原则核对。"
      extra={
        editor ? (
          <Button type="primary" onClick={() => setOpen("new")}>
            写新内容
          </Button>
        ) : null
      }
    >
      <Tabs
        items={[
          { key: "desk", label: reviewer && !editor ? "审核工作台" : "内容", children: desk },
          { key: "campaigns", label: "主题活动", children: <CampaignsTab campaigns={campaigns} canManage={county && (editor || reviewer)} /> },
        ]}
      />
      <Drawer width="min(1280px, 96vw)" open={open !== null} onClose={() => setOpen(null)} title={open === "new" ? "写新内容" : open?.title} destroyOnHidden>
        {open !== null ? <PublicationDetail item={open === "new" ? null : open} campaigns={campaigns.data ?? []} onChanged={changed} /> : null}
      </Drawer>
    </PageContainer>
  );
}
