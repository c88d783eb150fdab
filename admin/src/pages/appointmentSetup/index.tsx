import { useCallback, useEffect, useState } from "react";
import { Alert, Button, Card, Empty, Form, Input, InputNumber, Select, Space, Switch, Table, Tabs, Tag, Typography } from "antd";
import { expertModeLabels, expertModes, type AppointmentStatusView, type ExpertView, type RoomView, type SchoolView, type StaffView } from "@xinyuan/shared";
import { PageContainer } from "../../components/PageContainer";
import { FormModal, useFormSubmit } from "../../components/FormModal";
import { describeHours, toOpeningValues, toWeeklyHours, WeeklyHoursField, type OpeningValue } from "./WeeklyHoursField";
import { SlotsDrawer } from "./SlotsDrawer";
import { access } from "../../access";
import { useSession } from "../../session/useSession";
import { fetchAppointmentStatus, fetchExperts, fetchRooms, saveExpert, saveRoom, searchSchools, searchStaff } from "./service";
import { formatCountyTime } from "../../countyTime";

const mismatchLabels: Record<string, string> = {
  paid_at_wechat_only: "微信已收款，平台未记为已支付",
  paid_here_only: "平台记为已支付，账单里没有",
  amount_differs: "金额不一致",
  refunded_at_wechat_only: "微信已退款，平台未记为退款",
  refunded_here_only: "平台记为已退款，账单里没有",
  refund_amount_differs: "退款金额不一致",
};

/** Payments on or off (and why), and the last days' reconciliation against the WeChat Pay bill. */
function PaymentStatus() {
  const [status, setStatus] = useState<AppointmentStatusView | null>(null);
  const [failed, setFailed] = useState(false);
  const load = useCallback(() => {
    setFailed(false);
    fetchAppointmentStatus().then(setStatus, () => setFailed(true));
  }, []);
  useEffect(load, [load]);
  if (failed) return <Alert type="error" showIcon message="支付状态没有加载出来" action={<Button onClick={load}>重试</Button>} />;
  if (!status) return <Card loading />;
  const latest = status.reconciliations[0];
  return (
    <Space direction="vertical" style={{ width: "100%" }}>
      {status.paymentsEnabled ? (
        <Alert type="success" showIcon message="微信支付已开启：付费的专家时段可以预约和支付。" />
      ) : (
        <Alert type="warning" showIcon message="付费预约已关闭" description={status.paymentsOffReason} />
      )}
      {latest && latest.status !== "matched" ? (
        <Alert
          type="error"
          showIcon
          message={latest.status === "failed" ? `${latest.billDate} 的微信支付对账没有完成` : `${latest.billDate} 的微信支付账单有 ${latest.mismatches.length} 笔不一致`}
          description={latest.status === "failed" ? `原因：${latest.error ?? "未知"}。一小时后会自动重试。` : "请核对下表中的订单，必要时联系微信支付商户平台。"}
        />
      ) : null}
      <Table
        size="small"
        rowKey="billDate"
        dataSource={status.reconciliations}
        pagination={false}
        locale={{ emptyText: <Empty description={status.paymentsEnabled ? "还没有对账记录。每天上午会核对前一天的账单。" : "支付关闭时不对账。"} /> }}
        expandable={{
          rowExpandable: (row) => row.mismatches.length > 0,
          expandedRowRender: (row) => (
            <Table size="small" rowKey={(item) => `${item.outTradeNo}-${item.kind}`} pagination={false} dataSource={row.mismatches} columns={[
              { title: "商户订单号", dataIndex: "outTradeNo" },
              { title: "问题", dataIndex: "kind", render: (kind: string) => mismatchLabels[kind] ?? kind },
              { title: "平台", dataIndex: "ours", render: (value: string | null) => value ?? "—" },
              { title: "微信账单", dataIndex: "theirs", render: (value: string | null) => value ?? "—" },
            ]} />
          ),
        }}
        columns={[
          { title: "账单日期", dataIndex: "billDate" },
          { title: "结果", dataIndex: "status", render: (value: string) => (value === "matched" ? <Tag color="green">一致</Tag> : value === "mismatched" ? <Tag color="red">不一致</Tag> : <Tag color="orange">未完成</Tag>) },
          { title: "账单笔数", dataIndex: "billRows" },
          { title: "核对时间", dataIndex: "checkedAt", render: (value: string) => formatCountyTime(value, "M月D日 HH:mm") },
        ]}
      />
    </Space>
  );
}

/** Options searched on the server; `allowed` false (the role may not list them) asks nothing and says so. */
function useOptions<T>(search: (q: string) => Promise<T[]>, allowed = true) {
  const [options, setOptions] = useState<T[]>([]);
  const [unavailable, setUnavailable] = useState(!allowed);
  const run = useCallback((q: string) => (allowed ? search(q).then(setOptions, () => setUnavailable(true)) : Promise.resolve()), [search, allowed]);
  useEffect(() => void run(""), [run]);
  return { options, unavailable, run };
}

/** Only staff managers may list staff (the server refuses others); the others keep what is set. */
function useStaffOptions() {
  const session = useSession();
  return useOptions<StaffView>(searchStaff, access(session?.staff).canManageStaff);
}

interface RoomValues {
  schoolId: string;
  name: string;
  location: string;
  slotMinutes: number;
  staffIds: string[];
  active: boolean;
  weeklyHours: OpeningValue[];
}

function RoomModal({ room, onSaved, onClose }: { room: RoomView | null; onSaved: () => void; onClose: () => void }) {
  const [form] = Form.useForm<RoomValues>();
  const schools = useOptions<SchoolView>(searchSchools);
  const staff = useStaffOptions();
  const { saving, error, save } = useFormSubmit(form, async (values) => {
    await saveRoom(room?.id ?? null, { ...values, location: values.location ?? "", staffIds: values.staffIds ?? [], weeklyHours: toWeeklyHours(values.weeklyHours) });
    onSaved();
  });
  const initial: Partial<RoomValues> = room ? { ...room, weeklyHours: toOpeningValues(room.weeklyHours) } : { slotMinutes: 50, active: true, staffIds: [], weeklyHours: [] };
  return (
    <FormModal title={room ? "修改心理辅导室" : "新建心理辅导室"} width={680} saving={saving} error={error} onOk={() => void save()} onCancel={onClose}>
      <Form form={form} layout="vertical" initialValues={initial} disabled={saving}>
        <Form.Item name="schoolId" label="学校" rules={[{ required: true, message: "请选择学校" }]}>
          <Select showSearch filterOption={false} onSearch={(q) => void schools.run(q)} placeholder="输入学校名称查找" options={[...(room?.schoolName ? [{ value: room.schoolId, label: room.schoolName }] : []), ...schools.options.filter((school) => school.id !== room?.schoolId).map((school) => ({ value: school.id, label: school.name }))]} />
        </Form.Item>
        <Form.Item name="name" label="名称" rules={[{ required: true, message: "请填写名称" }]}>
          <Input maxLength={40} placeholder="例如：心理辅导室" />
        </Form.Item>
        <Form.Item name="location" label="地点" extra="学生到哪里找，例如：行政楼二楼 203">
          <Input maxLength={80} />
        </Form.Item>
        <Form.Item name="staffIds" label="值守老师" extra={staff.unavailable ? "只有中心管理员可以选择值守老师；已设置的会保留。" : "他们在「预约日程」里看到这间辅导室的预约。"}>
          <Select mode="multiple" disabled={staff.unavailable} showSearch filterOption={false} onSearch={(q) => void staff.run(q)} options={staff.options.map((member) => ({ value: member.id, label: member.displayName }))} />
        </Form.Item>
        <Form.Item name="slotMinutes" label="每次时长（分钟）" rules={[{ required: true, message: "请填写时长" }]}>
          <InputNumber min={15} max={240} step={5} />
        </Form.Item>
        <WeeklyHoursField />
        <Form.Item name="active" label="开放预约" valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

interface ExpertValues {
  name: string;
  title: string;
  profile: string;
  qualifications: string[];
  fields: string[];
  mode: (typeof expertModes)[number];
  priceYuan: number;
  staffId: string | null;
  slotMinutes: number;
  active: boolean;
  weeklyHours: OpeningValue[];
}

function ExpertModal({ expert, onSaved, onClose }: { expert: ExpertView | null; onSaved: () => void; onClose: () => void }) {
  const [form] = Form.useForm<ExpertValues>();
  const staff = useStaffOptions();
  const { saving, error, save } = useFormSubmit(form, async ({ priceYuan, ...values }) => {
    await saveExpert(expert?.id ?? null, { ...values, title: values.title ?? "", profile: values.profile ?? "", qualifications: values.qualifications ?? [], fields: values.fields ?? [], staffId: values.staffId ?? null, priceFen: Math.round((priceYuan ?? 0) * 100), weeklyHours: toWeeklyHours(values.weeklyHours) });
    onSaved();
  });
  const initial: Partial<ExpertValues> = expert
    ? { ...expert, mode: expert.mode as ExpertValues["mode"], priceYuan: expert.priceFen / 100, weeklyHours: toOpeningValues(expert.weeklyHours) }
    : { mode: "place", priceYuan: 0, slotMinutes: 50, active: true, qualifications: [], fields: [], staffId: null, weeklyHours: [] };
  return (
    <FormModal title={expert ? "修改专家" : "新建专家"} width={720} saving={saving} error={error} onOk={() => void save()} onCancel={onClose}>
      <Form form={form} layout="vertical" initialValues={initial} disabled={saving}>
        <Form.Item name="name" label="姓名" rules={[{ required: true, message: "请填写姓名" }]}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="title" label="职称">
          <Input maxLength={60} placeholder="例如：国家二级心理咨询师" />
        </Form.Item>
        <Form.Item name="profile" label="简介" extra="家长和学生会看到，请写清擅长帮助哪些情况。">
          <Input.TextArea maxLength={1000} showCount autoSize={{ minRows: 3 }} />
        </Form.Item>
        <Form.Item name="qualifications" label="资质" extra="输入后回车，可填多项">
          <Select mode="tags" open={false} />
        </Form.Item>
        <Form.Item name="fields" label="擅长领域" extra="输入后回车，例如：亲子关系、学业压力">
          <Select mode="tags" open={false} />
        </Form.Item>
        <Space wrap size="large">
          <Form.Item name="mode" label="方式">
            <Select style={{ width: 160 }} options={expertModes.map((mode) => ({ value: mode, label: expertModeLabels[mode] }))} />
          </Form.Item>
          <Form.Item name="priceYuan" label="价格（元，0 为免费）" extra="付费时段只由家长账号预约和支付，学生不会被要求付费。">
            <InputNumber min={0} max={5000} precision={2} />
          </Form.Item>
          <Form.Item name="slotMinutes" label="每次时长（分钟）">
            <InputNumber min={15} max={240} step={5} />
          </Form.Item>
        </Space>
        <Form.Item name="staffId" label="接待账号" extra={staff.unavailable ? "只有中心管理员可以选择账号；已设置的会保留。" : "该账号在「预约日程」里看到这位专家的预约。"}>
          <Select allowClear disabled={staff.unavailable} showSearch filterOption={false} onSearch={(q) => void staff.run(q)} options={staff.options.map((member) => ({ value: member.id, label: member.displayName }))} />
        </Form.Item>
        <WeeklyHoursField />
        <Form.Item name="active" label="开放预约" valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

function useList<T>(load: () => Promise<T[]>) {
  const [rows, setRows] = useState<T[] | null>(null);
  const [failed, setFailed] = useState(false);
  const reload = useCallback(() => {
    setRows(null);
    setFailed(false);
    load().then(setRows, () => setFailed(true));
  }, [load]);
  useEffect(reload, [reload]);
  return { rows, failed, reload };
}

/** 预约设置: counselling rooms and experts with their weekly hours (→ slots), payments and the daily reconciliation. */
export default function AppointmentSetupPage() {
  const rooms = useList(fetchRooms);
  const experts = useList(fetchExperts);
  const [editingRoom, setEditingRoom] = useState<RoomView | null | undefined>(undefined);
  const [editingExpert, setEditingExpert] = useState<ExpertView | null | undefined>(undefined);
  const [slotsOf, setSlotsOf] = useState<{ title: string; owner: { roomId: string } | { expertId: string } } | null>(null);
  const failedList = (reload: () => void) => <Alert type="error" showIcon message="列表没有加载出来" action={<Button onClick={reload}>重试</Button>} />;

  return (
    <PageContainer title="预约设置" description="各校心理辅导室和专家的每周开放时间；保存后自动生成未来 14 天的可预约时段。">
      <Tabs
        items={[
          {
            key: "rooms",
            label: "心理辅导室",
            children: rooms.failed ? failedList(rooms.reload) : (
              <Card extra={<Button type="primary" onClick={() => setEditingRoom(null)}>新建辅导室</Button>}>
                <Table<RoomView>
                  rowKey="id"
                  loading={rooms.rows === null}
                  dataSource={rooms.rows ?? []}
                  pagination={{ pageSize: 20, hideOnSinglePage: true }}
                  locale={{ emptyText: <Empty description="还没有辅导室。新建一间，设置开放时间后学生就能预约。" /> }}
                  columns={[
                    { title: "学校", dataIndex: "schoolName" },
                    { title: "名称", dataIndex: "name", render: (name: string, room) => <Space direction="vertical" size={0}>{name}<Typography.Text type="secondary">{room.location}</Typography.Text></Space> },
                    { title: "每周开放", key: "hours", render: (_, room) => describeHours(room.weeklyHours) },
                    { title: "值守老师", key: "staff", render: (_, room) => `${room.staffIds.length} 位` },
                    { title: "状态", dataIndex: "active", render: (active: boolean) => (active ? <Tag color="green">开放</Tag> : <Tag>停用</Tag>) },
                    { title: "操作", key: "actions", render: (_, room) => <Space><Button size="small" onClick={() => setEditingRoom(room)}>编辑</Button><Button size="small" onClick={() => setSlotsOf({ title: `${room.name} 的时段`, owner: { roomId: room.id } })}>时段</Button></Space> },
                  ]}
                />
              </Card>
            ),
          },
          {
            key: "experts",
            label: "专家",
            children: experts.failed ? failedList(experts.reload) : (
              <Card extra={<Button type="primary" onClick={() => setEditingExpert(null)}>新建专家</Button>}>
                <Table<ExpertView>
                  rowKey="id"
                  loading={experts.rows === null}
                  dataSource={experts.rows ?? []}
                  pagination={{ pageSize: 20, hideOnSinglePage: true }}
                  locale={{ emptyText: <Empty description="还没有专家。" /> }}
                  columns={[
                    { title: "姓名", dataIndex: "name", render: (name: string, expert) => <Space direction="vertical" size={0}>{name}<Typography.Text type="secondary">{expert.title}</Typography.Text></Space> },
                    { title: "擅长", dataIndex: "fields", render: (fields: string[]) => fields.map((field) => <Tag key={field}>{field}</Tag>) },
                    { title: "方式", dataIndex: "mode", render: (mode: string) => expertModeLabels[mode as keyof typeof expertModeLabels] ?? mode },
                    { title: "价格", dataIndex: "priceFen", render: (fen: number) => (fen > 0 ? `¥${(fen / 100).toFixed(2)}` : "免费") },
                    { title: "每周时间", key: "hours", render: (_, expert) => describeHours(expert.weeklyHours) },
                    { title: "状态", dataIndex: "active", render: (active: boolean) => (active ? <Tag color="green">开放</Tag> : <Tag>停用</Tag>) },
                    { title: "操作", key: "actions", render: (_, expert) => <Space><Button size="small" onClick={() => setEditingExpert(expert)}>编辑</Button><Button size="small" onClick={() => setSlotsOf({ title: `${expert.name} 的时段`, owner: { expertId: expert.id } })}>时段</Button></Space> },
                  ]}
                />
              </Card>
            ),
          },
          { key: "payments", label: "支付与对账", children: <PaymentStatus /> },
        ]}
      />
      {editingRoom !== undefined ? <RoomModal room={editingRoom} onClose={() => setEditingRoom(undefined)} onSaved={() => { setEditingRoom(undefined); rooms.reload(); }} /> : null}
      {editingExpert !== undefined ? <ExpertModal expert={editingExpert} onClose={() => setEditingExpert(undefined)} onSaved={() => { setEditingExpert(undefined); experts.reload(); }} /> : null}
      {slotsOf ? <SlotsDrawer title={slotsOf.title} owner={slotsOf.owner} onClose={() => setSlotsOf(null)} /> : null}
    </PageContainer>
  );
}
