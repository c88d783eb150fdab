import { Alert, Button, Form, Input } from "antd";
import { newPassword as newPasswordSchema } from "@xinyuan/shared";
import { useSubmit } from "../../hooks/useSubmit";

interface PasswordFields {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

interface ChangePasswordFormProps {
  submit: (body: { currentPassword: string; newPassword: string }) => Promise<unknown>;
  onChanged: (answer: unknown) => void;
  submitLabel?: string;
  currentPasswordLabel?: string;
}

/** Change password, checked with the same rule as the server (at least 10 characters, letters and digits). */
export function ChangePasswordForm({ submit, onChanged, submitLabel = "修改密码", currentPasswordLabel = "当前密码" }: ChangePasswordFormProps) {
  const [form] = Form.useForm<PasswordFields>();
  // The refusal (wrong current password, too weak…) is shown above the fields.
  const { busy: submitting, error, run: onFinish } = useSubmit(async (values: PasswordFields) => {
    const answer = await submit({ currentPassword: values.currentPassword, newPassword: values.newPassword });
    form.resetFields();
    onChanged(answer);
  });

  return (
    <Form<PasswordFields> form={form} layout="vertical" requiredMark={false} onFinish={(values) => void onFinish(values)} disabled={submitting} style={{ maxWidth: 420 }}>
      {error ? <Alert type="error" showIcon message={error.message} style={{ marginBottom: 16 }} /> : null}
      <Form.Item label={currentPasswordLabel} name="currentPassword" rules={[{ required: true, message: "请输入当前密码" }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        label="新密码"
        name="newPassword"
        extra="至少 12 位，别人猜不到就好：可以用几个不相关的词加上数字或符号。"
        rules={[
          { required: true, message: "请输入新密码" },
          {
            validator: async (_rule, value: string | undefined) => {
              if (!value) return;
              const checked = newPasswordSchema.safeParse(value);
              if (!checked.success) throw new Error(checked.error.issues[0]?.message ?? "新密码不符合要求");
            },
          },
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        label="再次输入新密码"
        name="confirmPassword"
        dependencies={["newPassword"]}
        rules={[
          { required: true, message: "请再次输入新密码" },
          ({ getFieldValue }) => ({
            validator: async (_rule, value: string | undefined) => {
              if (value && value !== getFieldValue("newPassword")) throw new Error("两次输入的新密码不一致");
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={submitting}>
        {submitLabel}
      </Button>
    </Form>
  );
}
