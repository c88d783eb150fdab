import { Card, Empty, Table, Tag, Typography } from "antd";
import { hotlineTicketKindLabels, type HotlineQueueEntryView, type HotlineQueueView } from "@xinyuan/shared";
import { describeWait, queueOrder } from "../queueFormat";
import { formatCountyTime } from "../../../countyTime";

const kindTag = (entry: HotlineQueueEntryView) => <Tag color={entry.kind === "callback" ? "blue" : "default"}>{hotlineTicketKindLabels[entry.kind]}</Tag>;
const priorityTag = (entry: HotlineQueueEntryView) => (entry.priority === "urgent" ? <Tag color="red">优先（风险）</Tag> : null);
const windowText = (entry: HotlineQueueEntryView) => (entry.window ? `${formatCountyTime(entry.window.start, "M月D日 HH:mm")}–${formatCountyTime(entry.window.end, "HH:mm")}` : "—");

/** The waiting callers (priority first, then first come), the scheduled call-backs and the calls in hand. */
export function QueueTables({ queue }: { queue: HotlineQueueView }) {
  const waiting = queueOrder(queue.waiting);
  return (
    <>
      <Card title={`等待中（${waiting.length}）`} size="small">
        <Table<HotlineQueueEntryView>
          rowKey="id"
          size="middle"
          pagination={false}
          dataSource={waiting}
          data-testid="hotline-waiting"
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="现在没有人在等待，辛苦了。" /> }}
          columns={[
            { title: "位置", key: "position", width: 70, render: (_value, entry, index) => entry.position ?? index + 1 },
            { title: "排队号", dataIndex: "number", width: 90 },
            { title: "化名", dataIndex: "alias", render: (alias: string, entry) => <>{alias} {priorityTag(entry)}</> },
            { title: "方式", key: "kind", width: 130, render: (_value, entry) => kindTag(entry) },
            { title: "等待", dataIndex: "waitedMinutes", width: 150, render: (minutes: number) => describeWait(minutes) },
            { title: "回拨时段", key: "window", width: 190, render: (_value, entry) => windowText(entry) },
            { title: "已拨次数", dataIndex: "attempts", width: 90 },
          ]}
        />
      </Card>
      {queue.scheduled.length > 0 ? (
        <Card title={`预约回拨 / 稍后重拨（${queue.scheduled.length}）`} size="small">
          <Table<HotlineQueueEntryView>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={queue.scheduled}
            columns={[
              { title: "排队号", dataIndex: "number", width: 90 },
              { title: "化名", dataIndex: "alias" },
              { title: "回拨时段", key: "window", render: (_value, entry) => windowText(entry) },
              { title: "下次可拨", dataIndex: "scheduledFor", render: (value: string | null) => (value ? formatCountyTime(value, "M月D日 HH:mm") : "—") },
              { title: "已拨次数", dataIndex: "attempts", width: 90 },
            ]}
          />
        </Card>
      ) : null}
      {queue.claimed.length > 0 ? (
        <Card title={`通话中（${queue.claimed.length}）`} size="small">
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            已被同事接起的来电。
          </Typography.Paragraph>
          <Table<HotlineQueueEntryView>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={queue.claimed}
            columns={[
              { title: "排队号", dataIndex: "number", width: 90 },
              { title: "化名", dataIndex: "alias" },
              { title: "接听老师", key: "claimedBy", render: (_value, entry) => entry.claimedBy?.name ?? "—" },
            ]}
          />
        </Card>
      ) : null}
    </>
  );
}
