import { useState } from "react";
import { Alert, App, Button, Card, Descriptions, Input, Select, Space, Tag, Typography } from "antd";
import { letterCategoryLabels, letterStatusLabels, riskLevelLabels, riskSignalCategoryLabels, type StaffLetterView } from "@xinyuan/shared";
import { useAsync } from "../../../hooks/useAsync";
import { LoadFailed } from "../../../components/LoadFailed";
import { LoadingBlock } from "../../../components/LoadingBlock";
import { ContactRecordModal } from "../../../components/contactRecord/ContactRecordModal";
import { RiskFeedbackButtons } from "../../../components/riskFeedback/RiskFeedbackButtons";
import { assignLetter, closeLetter, fetchAssignees, fetchLetter, fetchTemplates, reopenLetter, replyLetter } from "../service";
import { LetterNotes } from "./LetterNotes";
import { replyTimeRow } from "../replyDeadline";
import { ManageLetterTemplates } from "./LetterTemplates";
import { formatCountyTime } from "../../../countyTime";

const newReplyId = () => `r-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

/** One letter: the writer's words and the thread, reply (with templates), assign, notes, close with the outcome record, re-open. */
export function LetterDetail({ letterId, onChanged }: { letterId: string; onChanged: () => void }) {
  const { message } = App.useApp();
  const letter = useAsync(() => fetchLetter(letterId), [letterId]);
  const templates = useAsync(() => fetchTemplates(), []);
  const assignees = useAsync(() => fetchAssignees(letterId), [letterId]);
  const [draft, setDraft] = useState("");
  const [replyId, setReplyId] = useState(newReplyId);
  const [busy, setBusy] = useState(false);
  const [closing, setClosing] = useState(false);
  const [managingTemplates, setManagingTemplates] = useState(false);

  const run = async (work: () => Promise<StaffLetterView>, done?: string) => {
    setBusy(true);
    try {
      letter.setData(await work());
      if (done) void message.success(done);
      onChanged();
      return true;
    } catch {
      letter.reload();
      return false;
    } finally {
      setBusy(false);
    }
  };

  if (letter.error) return <LoadFailed error={letter.error} onRetry={letter.reload} />;
  const view = letter.data;
  if (!view) return <LoadingBlock />;
  const open = view.status !== "closed";
  const timeRow = replyTimeRow(view);
  return (
    <Card
      title={
        <Space>
          <span>{view.subject}</span>
          <Tag>{letterStatusLabels[view.status]}</Tag>
          {view.urgent ? <Tag color="red">紧急</Tag> : null}
          {view.overdue ? <Tag color="orange">已超时</Tag> : null}
        </Space>
      }
      extra={
        open ? (
          <Button type="primary" danger={view.urgent} onClick={() => setClosing(true)}>
            结束并填写记录
          </Button>
        ) : (
          <Button onClick={() => void run(() => reopenLetter(letterId), "已重新打开")}>重新打开</Button>
        )
      }
    >
      {view.urgent ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          message={`风险提示：${riskLevelLabels[view.riskLevel]}（${view.riskCategories.map((category) => riskSignalCategoryLabels[category]).join("、")}）`}
          description="系统在信中发现风险信号，已通知督导。请尽快阅读并按危机流程处理。"
        />
      ) : null}
      <Descriptions size="small" column={2} style={{ marginBottom: 12 }}>
        <Descriptions.Item label="写信人">{`${view.alias}（${view.writerRole === "parent" ? "家长" : "学生"}）`}</Descriptions.Item>
        <Descriptions.Item label="写给">{view.mailboxName}</Descriptions.Item>
        <Descriptions.Item label="现在由">{view.handlingMailboxName + (view.escalationLevel > 0 ? "（超时升级）" : "")}</Descriptions.Item>
        {timeRow ? <Descriptions.Item label={timeRow.label}>{timeRow.text}</Descriptions.Item> : null}
        <Descriptions.Item label="学校">{view.keepFromSchool ? "写信人希望不让本校老师看到" : (view.originSchoolName ?? "未填写")}</Descriptions.Item>
        <Descriptions.Item label="分类">{view.category ? letterCategoryLabels[view.category] : "未选"}</Descriptions.Item>
        <Descriptions.Item label="联系方式说明">{view.contactPreference || "未填写"}</Descriptions.Item>
        <Descriptions.Item label="负责老师">
          <Select
            size="small"
            style={{ minWidth: 160 }}
            placeholder="分配给"
            value={view.assignedStaffId ?? undefined}
            disabled={!open || busy}
            options={(assignees.data ?? []).map((member) => ({ value: member.id, label: member.displayName }))}
            onChange={(staffId: string) => void run(() => assignLetter(letterId, staffId, view.assignedStaffId), "已分配")}
          />
        </Descriptions.Item>
      </Descriptions>
      <Card size="small" type="inner" title="来信" style={{ marginBottom: 12 }}>
        <Typography.Paragraph style={{ whiteSpace: "pre-wrap" }} className="letter-body">
          {view.body}
        </Typography.Paragraph>
        <RiskFeedbackButtons source={{ kind: "letter_message", letterId, seq: 0 }} flagged={view.riskLevel !== "none"} />
      </Card>
      {(view.messages ?? []).map((line) => (
        <Card key={line.seq} size="small" className={`letter-line letter-line--${line.from}`} style={{ marginBottom: 8, background: line.from === "staff" ? "#f0f7f4" : line.from === "system" ? "#fafafa" : undefined }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {line.from === "writer" ? view.alias : line.from === "staff" ? `${line.staffName ?? "老师"}回信` : "自动回复"} · {formatCountyTime(line.at, "M月D日 HH:mm")}
            {line.riskLevel && line.riskLevel !== "none" ? <Tag color="red" style={{ marginLeft: 8 }}>风险</Tag> : null}
            {line.from === "writer" ? <RiskFeedbackButtons source={{ kind: "letter_message", letterId, seq: line.seq }} flagged={Boolean(line.riskLevel && line.riskLevel !== "none")} /> : null}
          </Typography.Text>
          <div style={{ whiteSpace: "pre-wrap" }}>{line.body}</div>
        </Card>
      ))}
      {open ? (
        <div style={{ marginTop: 12 }}>
          <Space style={{ marginBottom: 8 }}>
            <Select
              size="small"
              style={{ minWidth: 200 }}
              aria-label="使用回信模板"
              placeholder={templates.error ? "模板没有加载出来" : templates.data?.length === 0 ? "还没有回信模板" : "使用回信模板"}
              loading={templates.loading}
              value={null}
              options={(templates.data ?? []).map((template) => ({ value: template.id, label: template.title }))}
              onChange={(id: string) => setDraft((current) => current + (templates.data?.find((template) => template.id === id)?.body ?? ""))}
            />
            <Button size="small" type="link" onClick={() => setManagingTemplates(true)}>
              管理模板
            </Button>
          </Space>
          <ManageLetterTemplates open={managingTemplates} templates={templates.data} loading={templates.loading} error={templates.error} onReload={templates.reload} onClose={() => setManagingTemplates(false)} />
          <Input.TextArea id="letter-reply" rows={5} value={draft} maxLength={5000} onChange={(event) => setDraft(event.target.value)} placeholder="写回信（写信人只看到“老师的回信”，看不到你的名字）" />
          <Button
            type="primary"
            style={{ marginTop: 8 }}
            loading={busy}
            disabled={!draft.trim()}
            onClick={async () => {
              if (await run(() => replyLetter(letterId, draft.trim(), replyId), "回信已寄出")) {
                setDraft("");
                setReplyId(newReplyId());
              }
            }}
          >
            寄出回信
          </Button>
        </div>
      ) : null}
      <Card size="small" type="inner" title="内部备注" style={{ marginTop: 16 }}>
        <LetterNotes letterId={letterId} />
      </Card>
      <ContactRecordModal
        channel="mailbox"
        open={closing}
        title={`结束来信：${view.alias}`}
        okText="结束并保存记录"
        initialValues={{ durationMinutes: 20, riskLevel: view.riskLevel === "none" ? undefined : view.riskLevel }}
        onSubmit={async (record) => {
          await closeLetter(letterId, record).then((closed) => letter.setData(closed));
          void message.success("来信已结束，记录已保存");
          onChanged();
        }}
        onClose={() => setClosing(false)}
      />
    </Card>
  );
}
