import { useState } from "react";
import { App, Alert, Button, Card, Col, Popconfirm, Row, Space, Tabs, Tag } from "antd";
import { conversationStatusLabels, riskLevelLabels, riskLevelRank, riskSignalCategoryLabels, type StaffConversationView } from "@xinyuan/shared";
import { LoadFailed } from "../../../components/LoadFailed";
import { LoadingBlock } from "../../../components/LoadingBlock";
import { ContactRecordModal } from "../../../components/contactRecord/ContactRecordModal";
import { minutesSince } from "../../../components/contactRecord/contactRecordForm";
import { useConversation, type ConversationMode } from "../useConversation";
import { endChat, transferChat } from "../service";
import { MessageList } from "./MessageList";
import { Composer } from "./Composer";
import { NotesPanel } from "./NotesPanel";
import { CannedReplies } from "./CannedReplies";
import { EarlierChats } from "./EarlierChats";
import { TransferChatModal } from "./TransferChatModal";
import { takeOverConfirmText } from "./QueueCards";

interface ConversationViewProps {
  conversationId: string;
  mode: ConversationMode;
  selfId: string;
  isSupervisor: boolean;
  /** Watch mode: 接手 (the page sends the request once and moves the chat to my tabs). */
  onTakeOver?: () => Promise<void>;
  takingOver?: boolean;
  onLeft: () => void;
}

function closeReasonText(reason: StaffConversationView["closeReason"]): string {
  if (reason === "user_ended") return "同学结束了对话";
  if (reason === "idle") return "长时间没有消息，自动结束";
  if (reason === "account_deleted") return "同学注销了账号";
  return "已结束";
}

/** One open conversation: messages, reply box, risk banner, and the side panel (常用语, 备注, 以往咨询). */
export function ConversationView({ conversationId, mode, selfId, isSupervisor, onTakeOver, takingOver = false, onLeft }: ConversationViewProps) {
  const { message } = App.useApp();
  const chat = useConversation(conversationId, mode, selfId);
  const [draft, setDraft] = useState("");
  const [ending, setEnding] = useState(false);
  const [transferring, setTransferring] = useState(false);
  const view = chat.conversation;

  if (chat.loadError && !view) return <LoadFailed error={chat.loadError} onRetry={chat.reload} />;
  if (!view) return <LoadingBlock />;
  const active = view.status === "active" && view.assignedStaffId === selfId && mode === "assigned";
  /** Ended by the student, the idle timer or account deletion: the record is still to be written. */
  const recordDue = view.recordDue && view.assignedStaffId === selfId && mode === "assigned";
  const atRisk = riskLevelRank[view.riskLevel] >= riskLevelRank.medium;

  return (
    <Row gutter={16}>
      <Col xs={24} lg={16}>
        <Card
          size="small"
          title={
            <Space wrap>
              <span>{view.alias}</span>
              <Tag>{conversationStatusLabels[view.status]}</Tag>
              {view.riskLevel !== "none" ? <Tag color={atRisk ? "red" : "orange"}>{riskLevelLabels[view.riskLevel]}</Tag> : null}
              {mode === "watch" ? <Tag color="purple">只读旁听</Tag> : null}
            </Space>
          }
          extra={
            <Space>
              {active ? <Button onClick={() => setTransferring(true)}>转接</Button> : null}
              {active ? (
                <Button type="primary" onClick={() => setEnding(true)}>
                  结束并记录
                </Button>
              ) : null}
              {recordDue ? (
                <Button type="primary" onClick={() => setEnding(true)}>
                  填写记录
                </Button>
              ) : null}
              {mode === "watch" && isSupervisor && onTakeOver && view.status !== "closed" ? (
                <Popconfirm title={takeOverConfirmText} okText="接手" cancelText="取消" onConfirm={onTakeOver}>
                  <Button danger loading={takingOver}>
                    接手
                  </Button>
                </Popconfirm>
              ) : null}
            </Space>
          }
        >
          {atRisk ? (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 12 }}
              data-testid="risk-banner"
              message={`风险提醒：${riskLevelLabels[view.riskLevel]}${view.riskCategories.length ? `（${view.riskCategories.map((category) => riskSignalCategoryLabels[category]).join("、")}）` : ""}`}
              description="请先关注同学此刻是否安全，温和地询问，必要时联系督导并启动危机干预流程。"
            />
          ) : null}
          {view.status === "closed" ? (
            recordDue ? (
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 12 }}
                data-testid="record-due"
                message={`这次咨询已结束（${closeReasonText(view.closeReason)}），请填写咨询记录。`}
                description={atRisk ? "这次对话有风险信号，记录里默认开启后续跟进。" : undefined}
              />
            ) : (
              <Alert type="info" showIcon style={{ marginBottom: 12 }} message="这次咨询已结束。" />
            )
          ) : null}
          <div style={{ height: 440, overflow: "auto", marginBottom: 12 }}>
            <MessageList
              messages={chat.messages}
              pending={chat.pending}
              hold={chat.hold}
              failed={chat.failed}
              cursors={chat.cursors}
              userTyping={chat.userTyping}
              synced={chat.synced}
              syncError={chat.syncError}
              onResync={chat.resync}
              onDismissFailed={chat.dismissFailed}
            />
          </div>
          <Composer disabled={!active} draft={draft} onDraft={setDraft} onSend={chat.send} onTyping={chat.setTyping} />
        </Card>
      </Col>
      <Col xs={24} lg={8}>
        <Card size="small">
          <Tabs
            size="small"
            items={[
              { key: "replies", label: "常用语", children: <CannedReplies canManageCounty={isSupervisor} onPick={(body) => setDraft((current) => (current ? `${current}\n${body}` : body))} /> },
              { key: "notes", label: "私密备注", children: <NotesPanel conversationId={conversationId} readOnly={mode === "watch"} /> },
              { key: "earlier", label: `以往咨询（${view.earlierCount}）`, children: <EarlierChats conversationId={conversationId} count={view.earlierCount} /> },
            ]}
          />
        </Card>
      </Col>
      <ContactRecordModal
        channel="online"
        open={ending}
        title={recordDue ? `咨询记录：${view.alias}` : `结束咨询：${view.alias}`}
        okText={recordDue ? "保存记录" : "结束并保存记录"}
        initialValues={{ durationMinutes: minutesSince(view.acceptedAt ?? view.createdAt), riskLevel: view.riskLevel === "none" ? undefined : view.riskLevel }}
        onSubmit={async (outcome) => {
          await endChat(conversationId, outcome);
          void message.success(recordDue ? "记录已保存" : "咨询已结束，记录已保存");
          onLeft();
        }}
        onClose={() => setEnding(false)}
      />
      <TransferChatModal
        open={transferring}
        selfId={selfId}
        onTransfer={async (body) => {
          await transferChat(conversationId, body);
          void message.success("已转接");
          onLeft();
        }}
        onClose={() => setTransferring(false)}
      />
    </Row>
  );
}
