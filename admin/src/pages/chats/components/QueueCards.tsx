import { Badge, Button, Card, Empty, List, Space, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { riskLevelLabels, riskLevelRank, type ChatQueueEntryView, type StaffConversationView } from "@xinyuan/shared";

const riskTag = (level: StaffConversationView["riskLevel"]) => (level === "none" ? null : <Tag color={riskLevelRank[level] >= riskLevelRank.medium ? "red" : "orange"}>{riskLevelLabels[level]}</Tag>);

/** The waiting chats with 接入 (priority first, as the server orders them). */
export function ChatQueueCard({ queue, canAccept, onAccept }: { queue: ChatQueueEntryView[]; canAccept: boolean; onAccept: (id: string) => void }) {
  return (
    <Card size="small" title={<Badge count={queue.length} offset={[12, 0]} color="#3a8f7f">排队中</Badge>} data-testid="chat-queue">
      <List<ChatQueueEntryView>
        size="small"
        dataSource={queue}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="现在没有同学在排队。" /> }}
        renderItem={(entry) => (
          <List.Item actions={[<Button key="accept" type="primary" size="small" disabled={!canAccept} onClick={() => onAccept(entry.conversationId)}>接入</Button>]}>
            <Space wrap size={4}>
              <Typography.Text strong>{entry.position}.</Typography.Text>
              <span>{entry.alias}</span>
              {riskTag(entry.riskLevel)}
              {entry.returnedToQueue ? <Tag color="blue">转回</Tag> : null}
              {entry.queueTarget === "county_centre" ? <Tag>县中心</Tag> : null}
              {entry.heldForNextShift ? <Tag>留言待接</Tag> : null}
              <Typography.Text type="secondary">{dayjs(entry.queuedAt).format("HH:mm")} 起</Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}

/** Supervisors: every live conversation, to follow read-only (audited) or take over. */
export function LiveChatsCard({ live, onWatch, onTakeOver }: { live: StaffConversationView[]; onWatch: (id: string) => void; onTakeOver: (id: string) => void }) {
  return (
    <Card size="small" title={`进行中的咨询（${live.length}）`} data-testid="chat-live">
      <List<StaffConversationView>
        size="small"
        dataSource={live}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="现在没有进行中的咨询。" /> }}
        renderItem={(item) => (
          <List.Item
            actions={[
              <Button key="watch" size="small" onClick={() => onWatch(item.id)}>旁听</Button>,
              <Button key="take" size="small" danger onClick={() => onTakeOver(item.id)}>接手</Button>,
            ]}
          >
            <Space wrap size={4}>
              <span>{item.alias}</span>
              {riskTag(item.riskLevel)}
              <Typography.Text type="secondary">{item.assignedStaffName ?? "排队中"}</Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
