import { useState } from "react";
import { Button, Card, Flex, Modal, Table } from "antd";
import type { ActivityReportView } from "@xinyuan/shared";
import { LoadFailed } from "../../../components/LoadFailed";
import { StaffImage } from "../../../components/upload/StaffImage";
import type { AsyncState } from "../../../hooks/useAsync";

/**
 * Reported activities. Photos open on request (each view is audited: they can show children), never
 * in bulk as the list loads.
 */
export function ReportList({ title, reports, showSchool, emptyText }: { title: string; reports: AsyncState<ActivityReportView[]>; showSchool: boolean; emptyText: string }) {
  const [photosOf, setPhotosOf] = useState<ActivityReportView | null>(null);
  return (
    <Card title={title}>
      {reports.error ? (
        <LoadFailed error={reports.error} onRetry={reports.reload} />
      ) : (
        <Table
          size="small"
          rowKey="id"
          loading={reports.loading}
          dataSource={reports.data ?? []}
          locale={{ emptyText }}
          columns={[
            ...(showSchool ? [{ title: "学校", dataIndex: "schoolName" }] : []),
            { title: "活动", dataIndex: "title" },
            { title: "日期", dataIndex: "heldOn" },
            { title: "参与人数", dataIndex: "participants" },
            { title: "说明", dataIndex: "description", ellipsis: true },
            {
              title: "照片",
              dataIndex: "photoUrls",
              render: (urls: string[], report: ActivityReportView) =>
                urls.length > 0 ? (
                  <Button size="small" onClick={() => setPhotosOf(report)}>
                    查看照片（{urls.length}）
                  </Button>
                ) : (
                  "—"
                ),
            },
          ]}
        />
      )}
      <Modal open={photosOf !== null} title={photosOf ? `${photosOf.schoolName} · ${photosOf.title}` : ""} footer={null} width={720} onCancel={() => setPhotosOf(null)} destroyOnHidden>
        <Flex gap={12} wrap>
          {photosOf?.photoUrls.map((url, index) => <StaffImage key={url} url={url} alt={`活动照片 ${index + 1}`} size={200} />)}
        </Flex>
      </Modal>
    </Card>
  );
}
