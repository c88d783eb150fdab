import { Badge, Button, Card, Empty, List, Popconfirm, Space, Tag, Typography } from "antd";
import { riskLevelLabels, riskLevelRank, type ChatQueueEntryView, type StaffConversationView } from "@xinyuan/shared";
import { formatCountyTime } from "../../../countyTime";

/** Shown before a supervisor takes a chat over, here and in the watch tab. */
export const takeOverConfirmText = "接手后由你继续和同学聊，原来的老师会看到已被接手。确定接手吗？";

const riskTag = (level: StaffConversationView["riskLevel"]) => (level === "none" ? null : <Tag color={riskLevelRank[level] >= riskLevelRank.medium ? "red" : "orange"}>{riskLevelLabels[level]}</Tag>);

/** The waiting chats with 接入 (priority first, as the server orders them). `busyId`: a 接入 or 接手 still on its way. */
export function ChatQueueCard({ queue, canAccept, busyId, onAccept }: { queue: ChatQueueEntryView[]; canAccept: boolean; busyId: string | null; onAccept: (id: string) => void }) {
  return (
    <Card size="small" title={
        // The count sits inline: as a corner badge it was clipped by the card's title.
        <Space size={8}>
          排队中
          <Badge count={queue.length} showZero color={queue.length > 0 ? "#3a8f7f" : "#bfbfbf"} />
        </Space>
      } data-testid="chat-queue">
      <List<ChatQueueEntryView>
        size="small"
        dataSource={queue}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="现在没有同学在排队。" /> }}
        renderItem={(entry) => (
          <List.Item
            actions={[
              <Button key="accept" type="primary" size="small" loading={busyId === entry.conversationId} disabled={!canAccept || (busyId !== null && busyId !== entry.conversationId)} onClick={() => onAccept(entry.conversationId)}>
                接入
              </Button>,
            ]}
          >
            <Space wrap size={4}>
              <Typography.Text strong>{entry.position}.</Typography.Text>
              <span>{entry.alias}</span>
              {riskTag(entry.riskLevel)}
              {entry.returnedToQueue ? <Tag color="blue" title="原来的老师离开了，这位同学又回到了排队中">重新排队</Tag> : null}
              {entry.queueTarget === "county_centre" ? <Tag>县中心</Tag> : null}
              {entry.heldForNextShift ? <Tag>留言待接</Tag> : null}
              <Typography.Text type="secondary">{formatCountyTime(entry.queuedAt, "HH:mm")} 起</Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}

/** Supervisors: every live conversation, to follow read-only (audited) or take over (after a confirmation). */
export function LiveChatsCard({ live, busyId, onWatch, onTakeOver }: { live: StaffConversationView[]; busyId: string | null; onWatch: (id: string) => void; onTakeOver: (id: string) => Promise<void> }) {
  return (
    // waiting chats are here too (a supervisor may take one over): "进行中" over a waiting one read wrong
    <Card size="small" title={`未结束的咨询（${live.length}）`} data-testid="chat-live">
      <List<StaffConversationView>
        size="small"
        dataSource={live}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="现在没有未结束的咨询。" /> }}
        renderItem={(item) => (
          <List.Item
            actions={[
              <Button key="watch" size="small" onClick={() => onWatch(item.id)}>旁听</Button>,
              <Popconfirm key="take" title={takeOverConfirmText} okText="接手" cancelText="取消" onConfirm={() => onTakeOver(item.id)}>
                <Button size="small" danger loading={busyId === item.id} disabled={busyId !== null && busyId !== item.id}>
                  接手
                </Button>
              </Popconfirm>,
            ]}
          >
            <Space wrap size={4}>
              <span>{item.alias}</span>
              {riskTag(item.riskLevel)}
              <Typography.Text type="secondary">{item.assignedStaffName ?? "排队中，还没有老师"}</Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
