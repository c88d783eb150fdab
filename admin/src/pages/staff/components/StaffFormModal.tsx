import { Alert, Checkbox, Form, Input } from "antd";
import { FormModal, useFormSubmit } from "../../../components/FormModal";
import { staffRoleLabels, staffRoles, type StaffView } from "@xinyuan/shared";
import { grantableRoles, grantableScopeLevels } from "../../../staffGrants";
import { initialStaffForm, roleChoices, scopeFromForm, type StaffFormValues } from "../staffForm";
import { createStaff, updateStaff } from "../service";
import { ScopeFields } from "./ScopeFields";

const roleNotes: Record<(typeof staffRoles)[number], string> = {
  centre_admin: "管理账号、名录和设置",
  supervisor: "督导值班、接管会话、处理危机升级",
  counsellor: "接听热线、在线咨询、回复信箱",
  editor: "编写宣传月内容",
  reviewer: "审核发布内容",
  expert: "发布预约时段",
};

interface StaffFormModalProps {
  /** null: create a new account. */
  editing: StaffView | null;
  manager: StaffView;
  onClose: () => void;
  /** Called with the server's answer after a successful save. */
  onSaved: (answer: unknown, values: StaffFormValues) => void;
}

/** Create or edit a staff account: name, roles and the scope it works in. */
export function StaffFormModal({ editing, manager, onClose, onSaved }: StaffFormModalProps) {
  const [form] = Form.useForm<StaffFormValues>();
  const levels = grantableScopeLevels(manager);
  const grantable = grantableRoles(manager);
  const choices = roleChoices(grantable, editing?.roles ?? []);
  const countyOnly = staffRoles.filter((role) => !grantable.includes(role)).map((role) => staffRoleLabels[role]);
  // An admin may rename themselves, but their own roles and scope are changed by another admin.
  const selfEdit = editing?.id === manager.id;
  const { saving, error, save } = useFormSubmit(form, async (values) => {
    const scope = scopeFromForm(values);
    const answer = editing
      ? await updateStaff(editing.id, selfEdit ? { displayName: values.displayName } : { displayName: values.displayName, roles: values.roles, scope })
      : await createStaff({ username: values.username, displayName: values.displayName, roles: values.roles, scope });
    onSaved(answer, values);
  });

  return (
    <FormModal
      title={editing ? `编辑工作人员：${editing.displayName}` : "新建工作人员"}
      okText={editing ? "保存" : "创建账号"}
      width={560}
      saving={saving}
      error={error}
      onOk={() => void save()}
      onCancel={onClose}
    >
      <Form<StaffFormValues> form={form} layout="vertical" requiredMark="optional" initialValues={initialStaffForm(editing, manager.scope, levels)} disabled={saving}>
        {selfEdit ? <Alert type="info" showIcon message="你可以修改自己的姓名；自己的角色和所属范围需由另一位管理员调整。" style={{ marginBottom: 16 }} /> : null}
        <Form.Item
          label="用户名"
          name="username"
          extra={editing ? "用户名创建后不能修改。" : "用于登录，3–32 位字母、数字、下划线、点或横线。"}
          rules={[
            { required: true, whitespace: true, message: "请填写用户名" },
            { min: 3, message: "用户名至少 3 个字符" },
            { max: 32, message: "用户名最多 32 个字符" },
            { pattern: /^[a-zA-Z0-9_.-]+$/, message: "用户名只能包含字母、数字、下划线、点和横线" },
          ]}
        >
          <Input disabled={editing !== null} autoComplete="off" />
        </Form.Item>
        <Form.Item label="姓名" name="displayName" rules={[{ required: true, whitespace: true, message: "请填写姓名" }, { max: 32, message: "姓名最多 32 个字" }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          label="角色"
          name="roles"
          extra={selfEdit || countyOnly.length === 0 ? undefined : `${countyOnly.join("、")}由县级中心管理员授予或调整。`}
          rules={[{ required: true, type: "array", min: 1, message: "至少选择一个角色" }]}
        >
          <Checkbox.Group disabled={selfEdit} style={{ display: "grid", gridTemplateColumns: "1fr 1fr", gap: 8 }}>
            {choices.map(({ role, countyGranted }) => (
              <Checkbox key={role} value={role}>
                {staffRoleLabels[role]}
                <span style={{ color: "rgba(0,0,0,0.45)", fontSize: 12, marginLeft: 6 }}>{countyGranted ? "县级中心管理员授予；取消后需由县级重新授予" : roleNotes[role]}</span>
              </Checkbox>
            ))}
          </Checkbox.Group>
        </Form.Item>
        <ScopeFields levels={levels} managerScope={manager.scope} disabled={selfEdit} />
      </Form>
    </FormModal>
  );
}
