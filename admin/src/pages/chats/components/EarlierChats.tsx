import { useState } from "react";
import { Button, Empty, List, Modal, Tag, Typography } from "antd";
import { riskLevelLabels, type StaffConversationView } from "@xinyuan/shared";
import { useAsync } from "../../../hooks/useAsync";
import { LoadFailed } from "../../../components/LoadFailed";
import { LoadingBlock } from "../../../components/LoadingBlock";
import { fetchEarlier, fetchEarlierMessages } from "../service";
import { MessageList } from "./MessageList";
import { formatCountyTime } from "../../../countyTime";

/** Earlier conversations of the same alias. Opening them is audited, so it takes an explicit click. */
export function EarlierChats({ conversationId, count }: { conversationId: string; count: number }) {
  const [shown, setShown] = useState(false);
  if (count === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="这是这位同学第一次来咨询。" />;
  if (!shown)
    return (
      <>
        <Typography.Paragraph>这位同学以前来过 {count} 次。查看会记入审计日志。</Typography.Paragraph>
        <Button onClick={() => setShown(true)}>查看以往咨询</Button>
      </>
    );
  return <EarlierList conversationId={conversationId} />;
}

function EarlierList({ conversationId }: { conversationId: string }) {
  const earlier = useAsync(() => fetchEarlier(conversationId), [conversationId]);
  const [open, setOpen] = useState<StaffConversationView | null>(null);
  if (earlier.loading) return <LoadingBlock />;
  if (earlier.error) return <LoadFailed error={earlier.error} onRetry={earlier.reload} />;
  return (
    <>
      <List<StaffConversationView>
        size="small"
        dataSource={earlier.data ?? []}
        renderItem={(item) => (
          <List.Item actions={[<Button key="open" type="link" size="small" onClick={() => setOpen(item)}>打开</Button>]}>
            {formatCountyTime(item.createdAt, "YYYY年M月D日")} <Tag>{riskLevelLabels[item.riskLevel]}</Tag>
          </List.Item>
        )}
      />
      <Modal open={open !== null} title={open ? `以往咨询 · ${formatCountyTime(open.createdAt, "YYYY年M月D日")}` : ""} footer={null} width={640} onCancel={() => setOpen(null)} destroyOnHidden>
        {open ? <EarlierMessages conversationId={conversationId} earlierId={open.id} /> : null}
      </Modal>
    </>
  );
}

function EarlierMessages({ conversationId, earlierId }: { conversationId: string; earlierId: string }) {
  const messages = useAsync(() => fetchEarlierMessages(conversationId, earlierId), [conversationId, earlierId]);
  if (messages.loading) return <LoadingBlock />;
  if (messages.error) return <LoadFailed error={messages.error} onRetry={messages.reload} />;
  return (
    <div style={{ maxHeight: 480, overflow: "auto" }}>
      <MessageList messages={messages.data?.messages ?? []} pending={[]} failed={[]} cursors={messages.data?.cursors ?? null} userTyping={false} synced syncError={null} onResync={messages.reload} onDismissFailed={() => undefined} />
    </div>
  );
}
