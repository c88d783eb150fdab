import { useState } from "react";
import { App, Button, Checkbox, Empty, Form, Input, List, Modal, Popconfirm, Space, Tag, Typography } from "antd";
import type { CannedReplyView } from "@xinyuan/shared";
import { useAsync } from "../../../hooks/useAsync";
import { useSingleFlight } from "../../../hooks/useSingleFlight";
import { LoadFailed } from "../../../components/LoadFailed";
import { createReply, deleteReply, fetchReplies, updateReply } from "../service";

/** 常用语: mine and county-wide; a click puts the text in the reply box to adjust before sending. */
export function CannedReplies({ onPick, canManageCounty }: { onPick: (body: string) => void; canManageCounty: boolean }) {
  const replies = useAsync(fetchReplies, []);
  const [managing, setManaging] = useState(false);
  if (replies.error) return <LoadFailed error={replies.error} onRetry={replies.reload} />;
  return (
    <>
      <List<CannedReplyView>
        size="small"
        loading={replies.loading}
        dataSource={replies.data ?? []}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有常用语" /> }}
        renderItem={(reply) => (
          <List.Item style={{ cursor: "pointer" }} onClick={() => onPick(reply.body)}>
            <div>
              <Space size={4}>
                <Typography.Text strong>{reply.title}</Typography.Text>
                <Tag>{reply.scope === "county" ? "全县" : "我的"}</Tag>
              </Space>
              <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: 0 }}>
                {reply.body}
              </Typography.Paragraph>
            </div>
          </List.Item>
        )}
      />
      <Button size="small" style={{ marginTop: 8 }} onClick={() => setManaging(true)}>
        管理常用语
      </Button>
      <ManageReplies open={managing} replies={replies.data ?? []} canManageCounty={canManageCounty} onChanged={replies.reload} onClose={() => setManaging(false)} />
    </>
  );
}

interface ReplyValues {
  title: string;
  body: string;
  countyWide?: boolean;
}

function ManageReplies({ open, replies, canManageCounty, onChanged, onClose }: { open: boolean; replies: CannedReplyView[]; canManageCounty: boolean; onChanged: () => void; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<ReplyValues>();
  const [editing, setEditing] = useState<CannedReplyView | null>(null);
  // One save at a time: a double click must not create the reply twice.
  const saving = useSingleFlight();
  const save = () =>
    saving
      .run("save", async () => {
        const values = await form.validateFields();
        if (editing) await updateReply(editing.id, { title: values.title, body: values.body });
        else await createReply(values);
        void message.success("常用语已保存");
        form.resetFields();
        setEditing(null);
        onChanged();
      })
      .catch(() => undefined); // the form shows what is missing; the request wrapper shows refusals
  return (
    <Modal open={open} title="管理常用语" footer={null} onCancel={onClose} width={640} destroyOnHidden>
      <List<CannedReplyView>
        size="small"
        dataSource={replies}
        renderItem={(reply) => (
          <List.Item
            actions={
              reply.editable
                ? [
                    <Button key="edit" type="link" size="small" onClick={() => { setEditing(reply); form.setFieldsValue({ title: reply.title, body: reply.body }); }}>编辑</Button>,
                    <Popconfirm key="delete" title="删除这条常用语？" okText="删除" cancelText="取消" onConfirm={() => deleteReply(reply.id).then(onChanged, () => undefined)}>
                      <Button type="link" size="small" danger>删除</Button>
                    </Popconfirm>,
                  ]
                : []
            }
          >
            {reply.title} <Tag>{reply.scope === "county" ? "全县" : "我的"}</Tag>
          </List.Item>
        )}
      />
      <Typography.Title level={5}>{editing ? "编辑常用语" : "新建常用语"}</Typography.Title>
      <Form form={form} layout="vertical">
        <Form.Item name="title" label="标题" rules={[{ required: true, message: "请填写标题" }]}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="body" label="内容" rules={[{ required: true, message: "请填写内容" }]}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        {canManageCounty && !editing ? (
          <Form.Item name="countyWide" valuePropName="checked">
            <Checkbox>设为全县常用语</Checkbox>
          </Form.Item>
        ) : null}
        <Space>
          <Button type="primary" loading={saving.busyKey !== null} onClick={() => void save()}>保存</Button>
          {editing ? <Button disabled={saving.busyKey !== null} onClick={() => { setEditing(null); form.resetFields(); }}>取消编辑</Button> : null}
        </Space>
      </Form>
    </Modal>
  );
}
