import { useState } from "react";
import { Alert, Button, Col, DatePicker, Divider, Flex, Popconfirm, Row, Space, Table, Tag, Timeline, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { publicationStatusLabels, type CampaignView, type PublicationStaffView } from "@xinyuan/shared";
import { useAsync } from "../../../hooks/useAsync";
import { archivePublication, createPublication, eventSignups, publicationVersions, publishPublication, submitPublication, updatePublication, type PublicationInput } from "../service";
import { PhonePreview } from "./PhonePreview";
import { PublicationForm } from "./PublicationForm";
import { ReviewPanel } from "./ReviewPanel";
import { formatCountyTime } from "../../../countyTime";

const actionLabels: Record<string, string> = { created: "新建", edited: "修改", submitted: "提交审核", sent_back: "退回修改", approved: "审核通过", scheduled: "定时发布", published: "发布", archived: "下线" };

/** One piece on the desk: edit (editor), review (reviewer), publish / archive, preview, history, sign-ups. */
export function PublicationDetail({ item, campaigns, onChanged }: { item: PublicationStaffView | null; campaigns: CampaignView[]; onChanged: (next: PublicationStaffView) => void }) {
  const [busy, setBusy] = useState(false);
  const [publishAt, setPublishAt] = useState<Dayjs | null>(null);
  const versions = useAsync(() => (item ? publicationVersions(item.id) : Promise.resolve([])), [item?.id, item?.status, item?.version]);
  const signups = useAsync(() => (item?.kind === "event" ? eventSignups(item.id) : Promise.resolve([])), [item?.id]);

  const run = async (work: () => Promise<PublicationStaffView>) => {
    setBusy(true);
    try {
      onChanged(await work());
    } catch {
      // shown by the request wrapper
    } finally {
      setBusy(false);
    }
  };
  const save = (input: PublicationInput) => void run(() => (item ? updatePublication(item.id, item.version, input) : createPublication(input)));

  const canWrite = !item || item.can.edit;
  return (
    <Row gutter={24}>
      <Col xs={24} xxl={14}>
        {item ? (
          <Space wrap style={{ marginBottom: 12 }}>
            <Tag color="blue">{publicationStatusLabels[item.status]}</Tag>
            <Typography.Text type="secondary">第 {item.version} 版 · {item.createdByName}</Typography.Text>
            {item.sensitive ? <Tag color="red">涉及自杀/自伤话题</Tag> : null}
          </Space>
        ) : null}
        {item?.reviewComment && item.status === "draft" ? <Alert type="warning" showIcon message="审核意见" description={item.reviewComment} style={{ marginBottom: 12 }} /> : null}
        {item && (item.status === "published" || item.status === "approved" || item.status === "scheduled") && item.can.edit ? (
          <Alert type="info" showIcon message="修改已审核或已发布的内容后，它会回到草稿并需要重新审核（已发布的会先从手机上撤下）。" style={{ marginBottom: 12 }} />
        ) : null}
        {canWrite ? <PublicationForm item={item} campaigns={campaigns} onSave={save} busy={busy} /> : null}
        {item ? (
          <Flex vertical gap={12} style={{ marginTop: 16 }}>
            <Space wrap>
              {item.can.submit ? (
                <Button type="primary" loading={busy} onClick={() => void run(() => submitPublication(item.id))}>
                  提交审核
                </Button>
              ) : null}
              {item.can.publish ? (
                <>
                  <DatePicker showTime={{ format: "HH:mm" }} format="YYYY-MM-DD HH:mm" placeholder="定时发布（可选）" value={publishAt} onChange={setPublishAt} />
                  <Button type="primary" loading={busy} onClick={() => void run(() => publishPublication(item.id, publishAt?.toISOString()))}>
                    {publishAt ? "定时发布" : "立即发布"}
                  </Button>
                </>
              ) : null}
              {item.can.archive ? (
                <Popconfirm title="下线后学生和家长将看不到这篇内容，确定吗？" onConfirm={() => void run(() => archivePublication(item.id))}>
                  <Button danger loading={busy}>
                    下线
                  </Button>
                </Popconfirm>
              ) : null}
            </Space>
            {item.can.review ? <ReviewPanel item={item} onDone={onChanged} /> : null}
            <Divider orientation="left">版本历史</Divider>
            <Timeline
              items={(versions.data ?? []).map((version) => ({
                children: `${formatCountyTime(version.at, "YYYY/M/D HH:mm:ss")} · ${version.byName} · ${actionLabels[version.action] ?? version.action}（第 ${version.version} 版）${version.comment ? `：${version.comment}` : ""}`,
              }))}
            />
            {item.kind === "event" ? (
              <>
                <Divider orientation="left">报名名单</Divider>
                <Table
                  size="small"
                  rowKey="id"
                  loading={signups.loading}
                  dataSource={signups.data ?? []}
                  locale={{ emptyText: "还没有人报名" }}
                  columns={[
                    { title: "别名", dataIndex: "alias" },
                    { title: "状态", dataIndex: "status", render: (status: string) => (status === "active" ? "已报名" : "已取消") },
                    { title: "备注", dataIndex: "note" },
                    { title: "时间", dataIndex: "createdAt", render: (at: string) => formatCountyTime(at, "YYYY/M/D HH:mm:ss") },
                  ]}
                />
              </>
            ) : null}
          </Flex>
        ) : null}
      </Col>
      <Col xs={24} xxl={10}>
        {item ? <PhonePreview item={item} /> : <Typography.Text type="secondary">保存后可在这里看到手机上的样子。</Typography.Text>}
      </Col>
    </Row>
  );
}
