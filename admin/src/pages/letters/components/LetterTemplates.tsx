import { useState } from "react";
import { App, Button, Checkbox, Empty, Form, Input, List, Modal, Popconfirm, Space, Tag, Typography } from "antd";
import { letterReplyMaxChars, type LetterTemplateView } from "@xinyuan/shared";
import { LoadFailed } from "../../../components/LoadFailed";
import { useSubmit } from "../../../hooks/useSubmit";
import type { ApiError } from "../../../request";
import { useSession } from "../../../session/useSession";
import { createTemplate, deleteTemplate, updateTemplate } from "../service";

interface TemplateValues {
  title: string;
  body: string;
  shared?: boolean;
}

interface ManageProps {
  open: boolean;
  templates: LetterTemplateView[] | undefined;
  loading: boolean;
  error: ApiError | null;
  onReload: () => void;
  onClose: () => void;
}

/**
 * 回信模板: the teacher's own templates and the county's. Own ones are theirs to edit and delete;
 * county-wide ones (全县) are kept by supervisors and centre admins, the server decides the same way.
 */
export function ManageLetterTemplates({ open, templates, loading, error, onReload, onClose }: ManageProps) {
  const { message } = App.useApp();
  const roles = useSession()?.staff.roles ?? [];
  const keepsCountyTemplates = roles.includes("supervisor") || roles.includes("centre_admin");
  const [form] = Form.useForm<TemplateValues>();
  const [editing, setEditing] = useState<LetterTemplateView | null>(null);
  const editable = (template: LetterTemplateView) => !template.shared || keepsCountyTemplates;
  const startOver = () => {
    setEditing(null);
    form.resetFields();
  };
  const saving = useSubmit(async (values: TemplateValues) => {
    if (editing) await updateTemplate(editing.id, { title: values.title, body: values.body });
    else await createTemplate({ title: values.title, body: values.body, shared: values.shared ?? false });
    void message.success("回信模板已保存");
    startOver();
    onReload();
  });
  const removing = useSubmit(async (id: string) => {
    await deleteTemplate(id);
    void message.success("回信模板已删除");
    if (editing?.id === id) startOver();
    onReload();
  });
  const save = async () => {
    const values = await form.validateFields().catch(() => null);
    if (values) await saving.run(values);
  };

  return (
    <Modal open={open} title="管理回信模板" footer={null} onCancel={onClose} width={680} maskClosable={false} destroyOnHidden>
      {error ? (
        <LoadFailed error={error} onRetry={onReload} />
      ) : (
        <List<LetterTemplateView>
          size="small"
          loading={loading}
          dataSource={templates ?? []}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有回信模板，可以在下面新建一个。" /> }}
          renderItem={(template) => (
            <List.Item
              data-testid="letter-template"
              actions={
                editable(template)
                  ? [
                      <Button key="edit" type="link" size="small" onClick={() => { setEditing(template); form.setFieldsValue({ title: template.title, body: template.body }); }}>编辑</Button>,
                      <Popconfirm key="delete" title={`删除模板“${template.title}”？`} okText="删除" cancelText="取消" onConfirm={() => void removing.run(template.id)}>
                        <Button type="link" size="small" danger loading={removing.running?.[0] === template.id}>删除</Button>
                      </Popconfirm>,
                    ]
                  : []
              }
            >
              <div style={{ minWidth: 0 }}>
                <Space size={4}>
                  <Typography.Text strong>{template.title}</Typography.Text>
                  <Tag>{template.shared ? "全县" : "我的"}</Tag>
                </Space>
                <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: 0 }}>{template.body}</Typography.Paragraph>
              </div>
            </List.Item>
          )}
        />
      )}
      <Typography.Title level={5} style={{ marginTop: 16 }}>{editing ? `编辑模板：${editing.title}` : "新建模板"}</Typography.Title>
      <Form form={form} layout="vertical" disabled={saving.busy}>
        <Form.Item name="title" label="模板标题" rules={[{ required: true, whitespace: true, message: "请填写模板标题" }]}>
          <Input maxLength={40} placeholder="例如：开头问候" />
        </Form.Item>
        <Form.Item name="body" label="模板内容" rules={[{ required: true, whitespace: true, message: "模板内容不能是空的" }]}>
          <Input.TextArea rows={4} maxLength={letterReplyMaxChars} placeholder="选用时会加到回信里，寄出前还可以修改。" />
        </Form.Item>
        {keepsCountyTemplates && !editing ? (
          <Form.Item name="shared" valuePropName="checked">
            <Checkbox>设为全县模板（所有回信老师都能用）</Checkbox>
          </Form.Item>
        ) : null}
        <Space>
          <Button type="primary" loading={saving.busy} onClick={() => void save()}>保存模板</Button>
          {editing ? <Button onClick={startOver}>取消编辑</Button> : null}
        </Space>
      </Form>
    </Modal>
  );
}
