import { Button, Form, Input } from "antd";
import { LockOutlined, UserOutlined } from "@ant-design/icons";

export interface Credentials {
  username: string;
  password: string;
}

interface PasswordStepProps {
  submitting: boolean;
  initialUsername?: string;
  onSubmit: (credentials: Credentials) => void;
}

export function PasswordStep({ submitting, initialUsername, onSubmit }: PasswordStepProps) {
  return (
    <Form<Credentials> layout="vertical" requiredMark={false} initialValues={{ username: initialUsername ?? "" }} onFinish={onSubmit} disabled={submitting}>
      <Form.Item label="用户名" name="username" rules={[{ required: true, whitespace: true, message: "请输入用户名" }]}>
        <Input prefix={<UserOutlined />} autoComplete="username" autoFocus size="large" />
      </Form.Item>
      <Form.Item label="密码" name="password" rules={[{ required: true, message: "请输入密码" }]}>
        <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block size="large" loading={submitting}>
        登录
      </Button>
    </Form>
  );
}
