import { useState } from "react";
import { Button, Flex, Input, Typography } from "antd";

interface TotpStepProps {
  submitting: boolean;
  onSubmit: (code: string) => void;
  onBack: () => void;
}

/** The second step: the 6-digit code from the staff member's authenticator app. */
export function TotpStep({ submitting, onSubmit, onBack }: TotpStepProps) {
  const [code, setCode] = useState("");
  const complete = /^\d{6}$/.test(code);

  return (
    <Flex vertical gap={16}>
      <Typography.Text>请打开手机上的身份验证器，输入「心援」显示的 6 位动态码。</Typography.Text>
      <Input.OTP
        length={6}
        size="large"
        value={code}
        disabled={submitting}
        formatter={(value) => value.replace(/\D/g, "")}
        onChange={(value) => {
          setCode(value);
          if (/^\d{6}$/.test(value)) onSubmit(value);
        }}
        autoFocus
        aria-label="6 位动态码"
      />
      <Button type="primary" size="large" block disabled={!complete} loading={submitting} onClick={() => onSubmit(code)}>
        验证并登录
      </Button>
      <Button type="link" onClick={onBack} disabled={submitting}>
        返回，重新输入用户名和密码
      </Button>
    </Flex>
  );
}
