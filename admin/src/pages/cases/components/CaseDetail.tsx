import { useState } from "react";
import { Alert, App as AntApp, Button, Card, Checkbox, Descriptions, Flex, Input, Popconfirm, Select, Space, Switch, Tag, Timeline, Typography } from "antd";
import {
  caseActionLabels,
  caseCloseReasonLabels,
  caseCloseReasons,
  caseFlagLabels,
  caseFlags,
  caseLevelLabels,
  caseLevels,
  caseSourceLabels,
  caseStatusLabels,
  caseTeamModeLabels,
  identityLegalBases,
  identityLegalBasisLabels,
  referralStateLabels,
  referralStates,
  type CaseActionKind,
  type CaseCloseReason,
  type CaseDetailView,
  type CaseFlag,
  type CaseLevel,
  type IdentityLegalBasis,
  type ReferralState,
} from "@xinyuan/shared";
import { useAsync } from "../../../hooks/useAsync";
import { LoadingBlock } from "../../../components/LoadingBlock";
import { LoadFailed } from "../../../components/LoadFailed";
import { useServerEvent } from "../../../realtime/useRealtime";
import * as api from "../service";
import { levelColor } from "./caseColors";
import { describeEvent } from "./caseTimeline";
import { CaseConcerns } from "./CaseConcerns";
import { formatCountyTime } from "../../../countyTime";

interface CaseDetailProps {
  caseId: string;
  onChanged: () => void;
}

const actionKinds: CaseActionKind[] = ["guardian_contacted", "school_notified", "called_110", "called_120", "follow_up_contact", "note"];
const time = (iso: string) => formatCountyTime(iso, "YYYY/M/D HH:mm:ss");

/** One case: who follows it, what to do now (checklist, actions, referral, identity), and everything that happened. */
export function CaseDetail({ caseId, onChanged }: CaseDetailProps) {
  const { message } = AntApp.useApp();
  const loaded = useAsync(() => api.fetchCase(caseId), [caseId]);
  const institutions = useAsync(() => api.listInstitutions(), []);
  const [busy, setBusy] = useState(false);
  const [actionKind, setActionKind] = useState<CaseActionKind>("follow_up_contact");
  const [actionNote, setActionNote] = useState("");
  const [nextDate, setNextDate] = useState("");
  const [institutionId, setInstitutionId] = useState<string>();
  const [referralNote, setReferralNote] = useState("");
  const [closeReason, setCloseReason] = useState<CaseCloseReason>();
  const [closeNote, setCloseNote] = useState("");
  const [handoverTo, setHandoverTo] = useState<string>();
  const [phone, setPhone] = useState<string>();
  const [identity, setIdentity] = useState({ name: "", grade: "", className: "", guardianContact: "", how: "", legalBasis: undefined as IdentityLegalBasis | undefined, emergency: false });
  useServerEvent("changed", (notice) => {
    if (notice.resource === "case" && notice.id === caseId) loaded.reload();
  });

  if (loaded.loading && !loaded.data) return <LoadingBlock />;
  if (loaded.error && !loaded.data) return <LoadFailed error={loaded.error} onRetry={loaded.reload} />;
  const view = loaded.data;
  if (!view) return null;

  /** Runs a change; the answer is the whole case again, so the drawer and the list stay in step. */
  const run = async (work: () => Promise<CaseDetailView>, done?: string) => {
    setBusy(true);
    try {
      loaded.setData(await work());
      onChanged();
      if (done) message.success(done);
      return true;
    } catch {
      return false; // the request wrapper already showed what went wrong
    } finally {
      setBusy(false);
    }
  };
  const act = view.can.act;
  const active = view.status !== "closed";

  return (
    <Flex vertical gap={16} data-testid="case-detail">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Space wrap>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {view.subjectAlias}
          </Typography.Title>
          <Tag color={levelColor[view.level]}>{caseLevelLabels[view.level]}</Tag>
          <Tag data-testid="case-status">{caseStatusLabels[view.status]}</Tag>
          <Tag>{caseTeamModeLabels[view.teamMode]}</Tag>
        </Space>
        <Space>
          {view.can.take ? (
            <Button type="primary" danger={view.level === "crisis"} loading={busy} onClick={() => void run(() => api.takeCase(caseId), "你已认领这个个案")}>
              认领个案
            </Button>
          ) : null}
        </Space>
      </Flex>
      {active && !view.ownerId ? <Alert type={view.level === "crisis" ? "error" : "warning"} showIcon message="这个个案还没有负责人。危机个案 5 分钟内无人认领会升级提醒督导。" /> : null}

      <Descriptions size="small" column={2} bordered>
        <Descriptions.Item label="编号">{view.number}</Descriptions.Item>
        <Descriptions.Item label="负责人">{view.ownerName ?? "待认领"}</Descriptions.Item>
        <Descriptions.Item label="学校">{view.schoolName ?? "未知"}</Descriptions.Item>
        <Descriptions.Item label="跟进小组">{view.team.map((member) => member.name).join("、") || "—"}</Descriptions.Item>
        <Descriptions.Item label="发现途径">{caseSourceLabels[view.source]}</Descriptions.Item>
        <Descriptions.Item label="建档时间">{time(view.openedAt)}</Descriptions.Item>
        <Descriptions.Item label="关联咨询">{view.links.length} 条</Descriptions.Item>
        <Descriptions.Item label="结案原因">{view.closeReason ? caseCloseReasonLabels[view.closeReason] : "—"}</Descriptions.Item>
      </Descriptions>

      <CaseConcerns caseId={caseId} />

      <Card size="small" title="等级、重点关注与跟进日期">
        <Flex vertical gap={8}>
          <Space wrap>
            <span>等级</span>
            <Select<CaseLevel> style={{ width: 110 }} value={view.level} disabled={!act || busy} options={caseLevels.map((level) => ({ value: level, label: caseLevelLabels[level] }))} onChange={(level) => void run(() => api.updateCase(caseId, { level }))} aria-label="个案等级" />
            <span>下次跟进</span>
            <Input
              type="date"
              style={{ width: 170 }}
              aria-label="下次跟进日期"
              disabled={!act || busy}
              defaultValue={view.nextFollowUpOn ?? ""}
              key={view.nextFollowUpOn ?? "none"}
              onBlur={(event) => {
                const value = event.target.value || null;
                if (value !== view.nextFollowUpOn) void run(() => api.updateCase(caseId, { nextFollowUpOn: value }), "已更新跟进日期");
              }}
            />
          </Space>
          <Checkbox.Group<CaseFlag>
            disabled={!act || busy}
            value={view.flags}
            options={caseFlags.map((flag) => ({ value: flag, label: caseFlagLabels[flag] }))}
            onChange={(flags) => void run(() => api.updateCase(caseId, { flags }))}
          />
        </Flex>
      </Card>

      <Card size="small" title={`应急检查清单（${caseLevelLabels[view.level]}）`}>
        {view.checklist.length === 0 ? (
          <Typography.Text type="secondary">县中心还没有为这个等级设置检查项。</Typography.Text>
        ) : (
          <Flex vertical gap={4}>
            {view.checklist.map((item) => (
              <Checkbox key={item.id} checked={item.tickedAt !== null} disabled={!act || busy} onChange={(event) => void run(() => api.tickChecklist(caseId, item.id, event.target.checked))}>
                {item.label}
                {item.tickedAt ? <Typography.Text type="secondary">（{item.tickedBy}，{time(item.tickedAt)}）</Typography.Text> : null}
              </Checkbox>
            ))}
          </Flex>
        )}
      </Card>

      {view.schoolPlan ? (
        <Card size="small" title={`${view.schoolPlan.schoolName} 应急预案`}>
          <Typography.Paragraph style={{ whiteSpace: "pre-wrap" }}>{view.schoolPlan.planText || "学校还没有上传预案正文。"}</Typography.Paragraph>
          {view.schoolPlan.contacts.map((contact) => (
            <div key={`${contact.role}-${contact.name}`}>
              {contact.role}：{contact.name} {contact.phone}
            </div>
          ))}
        </Card>
      ) : null}

      {act ? (
        <Card size="small" title="记录处置">
          <Flex vertical gap={8}>
            <Space wrap>
              <Select<CaseActionKind> style={{ width: 160 }} value={actionKind} onChange={setActionKind} options={actionKinds.map((kind) => ({ value: kind, label: caseActionLabels[kind] }))} aria-label="处置类型" />
              {actionKind === "follow_up_contact" ? <Input type="date" style={{ width: 170 }} value={nextDate} onChange={(event) => setNextDate(event.target.value)} aria-label="约定下次跟进" /> : null}
            </Space>
            <Input.TextArea rows={2} value={actionNote} onChange={(event) => setActionNote(event.target.value)} placeholder="简要说明（加密保存）" maxLength={2000} aria-label="处置说明" />
            <Button
              type="primary"
              loading={busy}
              onClick={() =>
                void run(() => api.recordAction(caseId, { kind: actionKind, note: actionNote, ...(actionKind === "follow_up_contact" && nextDate ? { nextFollowUpOn: nextDate } : {}) }), "已记录").then((ok) => {
                  if (ok) {
                    setActionNote("");
                    setNextDate("");
                  }
                })
              }
            >
              记录
            </Button>
          </Flex>
        </Card>
      ) : null}

      <Card size="small" title="转介">
        <Flex vertical gap={8}>
          {view.referrals.length === 0 ? <Typography.Text type="secondary">还没有转介。</Typography.Text> : null}
          {view.referrals.map((referral) => (
            <Flex key={referral.id} vertical gap={4} data-testid="case-referral">
              <Space wrap>
                <Typography.Text strong>{referral.institutionName}</Typography.Text>
                <Select<ReferralState>
                  style={{ width: 130 }}
                  value={referral.state}
                  disabled={!act || busy}
                  options={referralStates.map((state) => ({ value: state, label: referralStateLabels[state] }))}
                  onChange={(state) => void run(() => api.updateReferral(caseId, referral.id, { state }))}
                  aria-label="转介状态"
                />
              </Space>
              <Input.TextArea
                rows={2}
                defaultValue={referral.feedback ?? ""}
                disabled={!act || busy}
                placeholder="机构反馈"
                aria-label="机构反馈"
                onBlur={(event) => {
                  if (event.target.value !== (referral.feedback ?? "")) void run(() => api.updateReferral(caseId, referral.id, { state: referral.state, feedback: event.target.value }), "已保存机构反馈");
                }}
              />
            </Flex>
          ))}
          {act ? (
            <Space wrap>
              <Select
                style={{ width: 240 }}
                placeholder="选择转介机构"
                value={institutionId}
                onChange={setInstitutionId}
                loading={institutions.loading}
                options={(institutions.data ?? []).filter((row) => row.active).map((row) => ({ value: row.id, label: row.name }))}
                aria-label="转介机构"
              />
              <Input style={{ width: 220 }} value={referralNote} onChange={(event) => setReferralNote(event.target.value)} placeholder="转介说明" aria-label="转介说明" />
              <Button disabled={!institutionId} loading={busy} onClick={() =>
                  institutionId &&
                  void run(() => api.createReferral(caseId, institutionId, referralNote), "已转介").then((ok) => {
                    if (ok) {
                      setInstitutionId(undefined);
                      setReferralNote("");
                    }
                  })
                }>
                转介
              </Button>
            </Space>
          ) : null}
        </Flex>
      </Card>

      <Card size="small" title="学生身份（仅在必要时登记）">
        {view.identity && view.identity.state !== "rejected" ? (
          <Flex vertical gap={8}>
            <Space wrap>
              <Tag color={view.identity.state === "approved" ? "green" : "orange"}>{view.identity.state === "approved" ? "已审核" : view.identity.emergency ? "紧急登记，待事后审核" : "待第二人审核"}</Tag>
              <Typography.Text type="secondary">
                {identityLegalBasisLabels[view.identity.legalBasis]}；{view.identity.recordedBy} 登记于 {time(view.identity.recordedAt)}
              </Typography.Text>
            </Space>
            {view.identity.person ? (
              <Alert
                type="warning"
                message={`${view.identity.person.name} ${view.identity.person.grade} ${view.identity.person.className}`}
                description={`监护人联系方式：${view.identity.person.guardianContact || "未登记"}。本次查看已留痕。`}
              />
            ) : (
              <Typography.Text type="secondary">审核通过后，负责人、小组和督导才能看到身份信息。</Typography.Text>
            )}
            {view.can.reviewIdentity ? (
              <Space>
                <Button type="primary" loading={busy} onClick={() => void run(() => api.reviewIdentity(caseId, { approve: true }), "已通过")}>
                  审核通过
                </Button>
                <Popconfirm title="驳回后将删除已登记的身份信息" onConfirm={() => void run(() => api.reviewIdentity(caseId, { approve: false }), "已驳回")}>
                  <Button danger>驳回</Button>
                </Popconfirm>
              </Space>
            ) : null}
          </Flex>
        ) : act ? (
          <Flex vertical gap={8}>
            <Typography.Text type="secondary">服务是匿名的。只有在孩子主动告知、或紧急情况需要时，才登记身份；登记需选择法律依据，非紧急情况须由另一位督导审核。</Typography.Text>
            <Space wrap>
              <Input style={{ width: 140 }} placeholder="姓名" value={identity.name} onChange={(event) => setIdentity({ ...identity, name: event.target.value })} aria-label="学生姓名" />
              <Input style={{ width: 100 }} placeholder="年级" value={identity.grade} onChange={(event) => setIdentity({ ...identity, grade: event.target.value })} aria-label="年级" />
              <Input style={{ width: 100 }} placeholder="班级" value={identity.className} onChange={(event) => setIdentity({ ...identity, className: event.target.value })} aria-label="班级" />
              <Input style={{ width: 200 }} placeholder="监护人联系方式" value={identity.guardianContact} onChange={(event) => setIdentity({ ...identity, guardianContact: event.target.value })} aria-label="监护人联系方式" />
            </Space>
            <Input placeholder="怎样得知（如：学生本人在咨询中告知）" value={identity.how} onChange={(event) => setIdentity({ ...identity, how: event.target.value })} aria-label="得知方式" />
            <Select<IdentityLegalBasis>
              placeholder="法律依据"
              value={identity.legalBasis}
              onChange={(legalBasis) => setIdentity({ ...identity, legalBasis })}
              options={identityLegalBases.map((basis) => ({ value: basis, label: identityLegalBasisLabels[basis] }))}
              aria-label="法律依据"
            />
            <Space>
              <Switch checked={identity.emergency} onChange={(emergency) => setIdentity({ ...identity, emergency })} aria-label="紧急情况" />
              <span>紧急情况（立即生效，事后审核）</span>
            </Space>
            <Button
              disabled={!identity.name.trim() || !identity.legalBasis}
              loading={busy}
              onClick={() => identity.legalBasis && void run(() => api.recordIdentity(caseId, { ...identity, legalBasis: identity.legalBasis! }), "已登记")}
            >
              登记身份
            </Button>
          </Flex>
        ) : (
          <Typography.Text type="secondary">未登记。</Typography.Text>
        )}
      </Card>

      {view.hasPhone && active ? (
        <Card size="small" title="保留的回拨号码">
          {phone ? (
            <Typography.Text copyable strong>
              {phone}
            </Typography.Text>
          ) : (
            <Button onClick={() => void api.revealPhone(caseId).then((answer) => setPhone(answer.phone)).catch(() => undefined)}>查看号码（仅负责人，留痕）</Button>
          )}
        </Card>
      ) : null}

      {view.can.handover ? (
        <Card size="small" title="移交与结案">
          <Flex vertical gap={8}>
            <Space wrap>
              <Select
                style={{ width: 200 }}
                placeholder="移交给小组成员"
                value={handoverTo}
                onChange={setHandoverTo}
                options={view.team.filter((member) => member.staffId !== view.ownerId).map((member) => ({ value: member.staffId, label: member.name }))}
                aria-label="移交给"
              />
              <Button disabled={!handoverTo} loading={busy} onClick={() => handoverTo && void run(() => api.handoverCase(caseId, handoverTo, ""), "已移交")}>
                移交
              </Button>
            </Space>
            <Space wrap>
              <Select<CaseCloseReason> style={{ width: 220 }} placeholder="结案原因" value={closeReason} onChange={setCloseReason} options={caseCloseReasons.map((reason) => ({ value: reason, label: caseCloseReasonLabels[reason] }))} aria-label="结案原因" />
              <Input style={{ width: 240 }} placeholder="结案说明" value={closeNote} onChange={(event) => setCloseNote(event.target.value)} aria-label="结案说明" />
              <Popconfirm title="确认结案？结案后如有新的风险信号会重新建档。" onConfirm={() => closeReason && void run(() => api.closeCase(caseId, { reason: closeReason, note: closeNote }), "已结案")}>
                <Button danger disabled={!closeReason} loading={busy}>
                  结案
                </Button>
              </Popconfirm>
            </Space>
          </Flex>
        </Card>
      ) : null}

      <Card size="small" title="时间线">
        <Timeline
          items={[...view.timeline].reverse().map((event) => ({
            key: event.id,
            children: (
              <div data-testid="case-event" data-kind={event.kind}>
                <Typography.Text strong>{describeEvent(event)}</Typography.Text>
                <Typography.Text type="secondary">
                  {" "}
                  · {event.actorName ?? "系统"} · {time(event.at)}
                </Typography.Text>
                {event.note ? <div style={{ whiteSpace: "pre-wrap" }}>{event.note}</div> : null}
              </div>
            ),
          }))}
        />
      </Card>
    </Flex>
  );
}
