import { useState } from "react";
import { App, Button, Card, Form, Input, InputNumber, Modal, Select, Switch, Table, Tag } from "antd";
import { apiRoutes, letterTargetLabels, type MailboxView, type Page, type StaffView, type UpdateMailboxBody } from "@xinyuan/shared";
import { useAsync } from "../../hooks/useAsync";
import { LoadFailed } from "../../components/LoadFailed";
import { call } from "../../request";
import { fetchMailboxes, updateMailbox } from "../letters/service";
import { LetterTermsCard } from "./LetterTermsCard";

const fetchTeachers = () => call<typeof apiRoutes.listStaff, Page<StaffView>>(apiRoutes.listStaff, { query: { pageSize: 100 }, policy: "silent" });

/** 信箱设置: members, auto-acknowledgement, out-of-term notice and reply working days of every mailbox; the county's 寒暑假. */
export default function LetterMailboxesPage() {
  const { message } = App.useApp();
  const boxes = useAsync(() => fetchMailboxes(), []);
  const teachers = useAsync(() => fetchTeachers(), []);
  const [editing, setEditing] = useState<MailboxView | null>(null);
  const [form] = Form.useForm<UpdateMailboxBody>();
  const [saving, setSaving] = useState(false);
  const save = async () => {
    if (!editing) return;
    const values = await form.validateFields();
    setSaving(true);
    try {
      await updateMailbox(editing.id, values);
      void message.success("信箱设置已保存");
      setEditing(null);
      boxes.reload();
    } catch {
      // shown by the request wrapper
    } finally {
      setSaving(false);
    }
  };
  return (
    <>
      {boxes.error ? <LoadFailed error={boxes.error} onRetry={boxes.reload} /> : null}
      <Card title="信箱设置" hidden={Boolean(boxes.error)}>
        <Table
          rowKey="id"
          loading={boxes.loading}
          dataSource={boxes.data ?? []}
          pagination={false}
          columns={[
            { title: "信箱", dataIndex: "name" },
            { title: "类型", dataIndex: "kind", render: (kind: MailboxView["kind"]) => <Tag>{letterTargetLabels[kind]}</Tag> },
            { title: "回信老师", dataIndex: "members", render: (members: MailboxView["members"]) => (members.length ? members.map((member) => member.displayName).join("、") : <Tag color="orange">未安排</Tag>) },
            { title: "工作日内回复", dataIndex: "replyWorkingDays" },
            { title: "未结束来信", dataIndex: "openLetters" },
            { title: "启用", dataIndex: "active", render: (active: boolean) => (active ? "是" : "否") },
            {
              title: "",
              render: (_: unknown, box: MailboxView) =>
                box.editable ? (
                  <Button
                    size="small"
                    onClick={() => {
                      setEditing(box);
                      form.setFieldsValue({ memberStaffIds: box.members.map((member) => member.id), autoAckText: box.autoAckText, outOfTermNotice: box.outOfTermNotice, replyWorkingDays: box.replyWorkingDays, active: box.active });
                    }}
                  >
                    设置
                  </Button>
                ) : null,
            },
          ]}
        />
        <Modal open={editing !== null} title={`信箱设置：${editing?.name ?? ""}`} okText="保存" cancelText="取消" confirmLoading={saving} onOk={() => void save()} onCancel={() => setEditing(null)} destroyOnHidden>
          <Form form={form} layout="vertical">
            <Form.Item name="memberStaffIds" label="回信老师">
              <Select mode="multiple" optionFilterProp="label" options={(teachers.data?.items ?? []).filter((member) => member.roles.includes("counsellor") || member.roles.includes("supervisor")).map((member) => ({ value: member.id, label: member.displayName }))} />
            </Form.Item>
            <Form.Item name="autoAckText" label="自动回复（寄出后写信人立刻看到）">
              <Input.TextArea rows={3} maxLength={500} />
            </Form.Item>
            <Form.Item name="outOfTermNotice" label="寒暑假提示（假期中写信前看到）">
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
            <Form.Item name="replyWorkingDays" label="通常几个工作日内回复">
              <InputNumber min={1} max={10} />
            </Form.Item>
            <Form.Item name="active" label="启用" valuePropName="checked">
              <Switch />
            </Form.Item>
          </Form>
        </Modal>
      </Card>
      <LetterTermsCard />
    </>
  );
}
