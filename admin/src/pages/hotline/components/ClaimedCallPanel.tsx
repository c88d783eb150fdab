import { useState } from "react";
import { App, Alert, Button, Card, Descriptions, Flex, Space, Tag, Typography } from "antd";
import { EyeOutlined, HistoryOutlined, PhoneOutlined } from "@ant-design/icons";
import { hotlineTicketKindLabels, type HotlineCallView } from "@xinyuan/shared";
import { ContactRecordModal } from "../../../components/contactRecord/ContactRecordModal";
import { RiskFeedbackButtons } from "../../../components/riskFeedback/RiskFeedbackButtons";
import { minutesSince } from "../../../components/contactRecord/contactRecordForm";
import { flagTicket, recordAttempt, recordOutcome, releaseCall, revealPhone, transferCall } from "../service";
import { CallHistoryDrawer } from "./CallHistoryDrawer";
import { TransferCallModal } from "./TransferCallModal";
import { useSubmit } from "../../../hooks/useSubmit";
import { formatCountyTime } from "../../../countyTime";

interface ClaimedCallPanelProps {
  call: HotlineCallView;
  selfId: string;
  /** The call left my hands (finished, released, transferred, retry later): refetch. */
  onDone: () => void;
}

/** The call in hand: who, what about, the number (audited reveal), history, and every way to finish it. */
export function ClaimedCallPanel({ call, selfId, onDone }: ClaimedCallPanelProps) {
  const { message, modal } = App.useApp();
  const [phone, setPhone] = useState<string | null>(null);
  const [historyOpen, setHistoryOpen] = useState(false);
  const [outcomeOpen, setOutcomeOpen] = useState(false);
  const [transferOpen, setTransferOpen] = useState(false);

  // A refusal is shown by the request wrapper; `busy` names the button whose action is on its way.
  const action = useSubmit(async (_key: string, work: () => Promise<unknown>, done: string) => {
    await work();
    void message.success(done);
    onDone();
  });
  const act = action.run;
  const busy = action.running?.[0] ?? null;

  const confirmReveal = () =>
    modal.confirm({
      title: "查看完整回拨号码？",
      content: "号码只用于这次回电。每次查看都会记入审计日志。",
      okText: "查看号码",
      cancelText: "取消",
      onOk: async () => setPhone((await revealPhone(call.id)).phone),
    });

  const attemptsLeft = call.maxAttempts - call.attempts;
  return (
    <Card
      title={
        <Space>
          <PhoneOutlined />
          <span>正在处理：{call.alias}</span>
          {call.priority === "urgent" ? <Tag color="red">优先（风险）</Tag> : null}
        </Space>
      }
      data-testid="claimed-call"
      data-ticket-number={call.number}
      style={{ borderColor: "#3a8f7f" }}
    >
      {call.priority === "urgent" ? <Alert type="error" showIcon style={{ marginBottom: 16 }} message="来电者表示自己可能不安全：请优先评估风险，必要时启动危机干预。" /> : null}
      <Descriptions column={{ xs: 1, md: 2 }} size="small">
        <Descriptions.Item label="排队号">{call.number}</Descriptions.Item>
        <Descriptions.Item label="方式">{hotlineTicketKindLabels[call.kind]}</Descriptions.Item>
        <Descriptions.Item label="想聊的话题">
          <Typography.Text style={{ whiteSpace: "pre-wrap" }}>{call.topic || "（没有填写）"}</Typography.Text>
          {call.kind === "callback" && call.topic ? <RiskFeedbackButtons source={{ kind: "callback_topic", ticketId: call.id }} flagged={null} /> : null}
        </Descriptions.Item>
        <Descriptions.Item label="接起时间">{call.claimedAt ? formatCountyTime(call.claimedAt, "HH:mm") : "—"}</Descriptions.Item>
        {call.kind === "callback" ? (
          <>
            <Descriptions.Item label="回拨号码">
              {phone ? (
                <Typography.Text strong copyable data-testid="revealed-phone">
                  {phone}
                </Typography.Text>
              ) : (
                <Space>
                  <span>{call.maskedPhone ?? "—"}</span>
                  {call.hasPhone ? (
                    <Button size="small" icon={<EyeOutlined />} onClick={confirmReveal}>
                      查看完整号码
                    </Button>
                  ) : null}
                </Space>
              )}
            </Descriptions.Item>
            <Descriptions.Item label="方便接听">{call.window ? `${formatCountyTime(call.window.start, "M月D日 HH:mm")}–${formatCountyTime(call.window.end, "HH:mm")}` : "—"}</Descriptions.Item>
            <Descriptions.Item label="已拨次数">
              {call.attempts} / {call.maxAttempts}
            </Descriptions.Item>
          </>
        ) : null}
        <Descriptions.Item label="既往联系">
          <Space>
            <span>{call.earlierContacts > 0 ? `${call.earlierContacts} 次` : "首次联系"}</span>
            {call.earlierContacts > 0 ? (
              <Button size="small" icon={<HistoryOutlined />} onClick={() => setHistoryOpen(true)}>
                查看记录
              </Button>
            ) : null}
          </Space>
        </Descriptions.Item>
      </Descriptions>
      <Flex gap={8} wrap style={{ marginTop: 16 }}>
        <Button type="primary" onClick={() => setOutcomeOpen(true)}>
          已接通，填写记录
        </Button>
        {call.kind === "callback" ? (
          <>
            <Button loading={busy === "no_answer"} onClick={() => void act("no_answer", () => recordAttempt(call.id, "no_answer"), attemptsLeft > 1 ? "已记录未接通，稍后会再次排入队列" : "已记录未接通")}>
              未接通（稍后再拨）
            </Button>
            <Button
              danger
              loading={busy === "wrong_number"}
              onClick={() =>
                modal.confirm({ title: "确认号码有误？", content: "这次排队会结束，来电者会收到提示。", okText: "确认", cancelText: "取消", onOk: () => act("wrong_number", () => recordAttempt(call.id, "wrong_number"), "已记录号码有误") })
              }
            >
              号码有误
            </Button>
          </>
        ) : null}
        <Button loading={busy === "release"} onClick={() => void act("release", () => releaseCall(call.id), "已放回队列，来电者保留原来的位置")}>
          放回队列
        </Button>
        <Button onClick={() => setTransferOpen(true)}>转给同事</Button>
        <Button loading={busy === "flag"} onClick={() => void act("flag", () => flagTicket(call.id, call.priority === "urgent" ? "normal" : "urgent"), call.priority === "urgent" ? "已取消优先" : "已标记优先")}>
          {call.priority === "urgent" ? "取消优先" : "标记优先（风险）"}
        </Button>
      </Flex>
      <CallHistoryDrawer callId={call.id} alias={call.alias} open={historyOpen} onClose={() => setHistoryOpen(false)} />
      <ContactRecordModal
        channel={call.kind === "callback" ? "callback" : "hotline"}
        open={outcomeOpen}
        title={`通话记录：${call.alias}`}
        okText="保存记录并结束"
        initialValues={{ durationMinutes: minutesSince(call.claimedAt), riskLevel: call.priority === "urgent" ? "medium" : undefined }}
        onSubmit={async (body) => {
          await recordOutcome(call.id, body);
          void message.success("记录已保存，这通来电已完成");
          onDone();
        }}
        onClose={() => setOutcomeOpen(false)}
      />
      <TransferCallModal
        open={transferOpen}
        selfId={selfId}
        onTransfer={async (toStaffId) => {
          await transferCall(call.id, toStaffId);
          void message.success("已转给同事");
          onDone();
        }}
        onClose={() => setTransferOpen(false)}
      />
    </Card>
  );
}
