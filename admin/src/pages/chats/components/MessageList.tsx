import { useEffect, useRef } from "react";
import { Alert, Button, Empty, Flex, Tag, Typography } from "antd";
import { riskLevelLabels, riskSignalCategoryLabels, type ChatCursorsView, type ChatOutboxHold, type OutboxEntry, type StaffChatMessageView } from "@xinyuan/shared";
import type { ApiError } from "../../../request";
import { LoadFailed } from "../../../components/LoadFailed";
import { LoadingBlock } from "../../../components/LoadingBlock";
import type { FailedMessage } from "../useConversation";
import { receiptFor, receiptLabels } from "../receipts";
import { messagePane } from "../messagePane";
import { RiskFeedbackButtons } from "../../../components/riskFeedback/RiskFeedbackButtons";
import { formatCountyTime } from "../../../countyTime";

interface MessageListProps {
  messages: readonly StaffChatMessageView[];
  pending: readonly OutboxEntry[];
  /** Why pending lines wait: "rate" says they go out by themselves in a moment, never blames the network. */
  hold?: ChatOutboxHold;
  failed: readonly FailedMessage[];
  cursors: ChatCursorsView | null;
  userTyping: boolean;
  synced: boolean;
  syncError: ApiError | null;
  onResync: () => void;
  onDismissFailed: (clientMessageId: string) => void;
}

const bubble = (mine: boolean): React.CSSProperties => ({
  maxWidth: "72%",
  padding: "8px 12px",
  borderRadius: 10,
  background: mine ? "#e6f4f1" : "#f5f5f5",
  whiteSpace: "pre-wrap",
  wordBreak: "break-word",
});

/**
 * The conversation in seq order. Student text is rendered as plain React text (escaped): never HTML,
 * links or images. Our own lines show 已发送 / 已送达 / 已读, and lines still in the outbox 发送中.
 * Until the first resume has answered it shows loading (or the error), never "no messages yet".
 */
export function MessageList({ messages, pending, hold = null, failed, cursors, userTyping, synced, syncError, onResync, onDismissFailed }: MessageListProps) {
  const bottom = useRef<HTMLDivElement>(null);
  const stored = new Set(messages.map((message) => message.clientMessageId));
  const waiting = pending.filter((entry) => !stored.has(entry.clientMessageId));
  useEffect(() => {
    // Newer browsers return a promise from scrollIntoView: it must not become the effect's cleanup.
    bottom.current?.scrollIntoView({ block: "end" });
  }, [messages.length, waiting.length, userTyping]);

  const pane = messagePane({ synced, failed: syncError !== null, count: messages.length + waiting.length });
  if (pane === "loading") return <LoadingBlock tip="正在载入聊天记录…" />;
  if (pane === "failed" && syncError) return <LoadFailed title="聊天记录没能载入" error={syncError} onRetry={onResync} />;
  if (pane === "empty") return <Empty style={{ margin: "48px 0" }} description="还没有消息。可以先打个招呼，让同学知道你在。" />;
  return (
    <Flex vertical gap={10} data-testid="chat-messages" style={{ padding: "8px 4px" }}>
      {syncError ? (
        <Alert
          type="warning"
          showIcon
          message="最新的消息没能同步，下面的记录可能不完整。"
          description={syncError.message}
          action={<Button size="small" onClick={onResync}>重新同步</Button>}
        />
      ) : null}
      {messages.map((message) => {
        if (message.from === "system")
          return (
            <Typography.Text key={message.seq} type="secondary" style={{ textAlign: "center", fontSize: 12 }}>
              {message.body}
            </Typography.Text>
          );
        const mine = message.from === "staff";
        const receipt = receiptFor(message, cursors);
        return (
          <Flex key={message.seq} vertical align={mine ? "flex-end" : "flex-start"} data-seq={message.seq} data-from={message.from}>
            <div style={bubble(mine)} data-testid="chat-message">
              {message.body}
            </div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {mine && message.staffName ? `${message.staffName} · ` : ""}
              {formatCountyTime(message.createdAt, "HH:mm")}
              {receipt ? <span data-testid="receipt" data-receipt={receipt}> · {receiptLabels[receipt]}</span> : null}
              {message.riskLevel && message.riskLevel !== "none" ? (
                <Tag color="red" style={{ marginLeft: 6 }}>
                  {riskLevelLabels[message.riskLevel]}
                  {message.riskCategories.length ? `：${message.riskCategories.map((category) => riskSignalCategoryLabels[category]).join("、")}` : ""}
                </Tag>
              ) : null}
              {message.from === "user" ? <RiskFeedbackButtons source={{ kind: "chat_message", conversationId: message.conversationId, seq: message.seq }} flagged={Boolean(message.riskLevel && message.riskLevel !== "none")} /> : null}
            </Typography.Text>
          </Flex>
        );
      })}
      {waiting.map((entry) => (
        <Flex key={entry.clientMessageId} vertical align="flex-end">
          <div style={{ ...bubble(true), opacity: 0.6 }}>{entry.body}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="pending-message">
            {hold === "rate" ? "发送太快了，稍等一下会自动发出" : "发送中…（网络恢复后会自动补发）"}
          </Typography.Text>
        </Flex>
      ))}
      {failed.map(({ entry, reason }) => (
        <Alert key={entry.clientMessageId} type="error" showIcon message={`这条没有发出：${entry.body.slice(0, 40)}`} description={reason} action={<Button size="small" onClick={() => onDismissFailed(entry.clientMessageId)}>知道了</Button>} />
      ))}
      {userTyping ? (
        <Typography.Text type="secondary" data-testid="typing">
          对方正在输入…
        </Typography.Text>
      ) : null}
      <div ref={bottom} />
    </Flex>
  );
}
