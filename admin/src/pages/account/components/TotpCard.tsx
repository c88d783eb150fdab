import { useState } from "react";
import { App, Button, Card, Flex, Result, Typography } from "antd";
import { SafetyCertificateOutlined } from "@ant-design/icons";
import { TotpEnrolment } from "../../../components/account/TotpEnrolment";
import { applyTotpEnrolled } from "../../../session/accountChanges";
import { confirmTotp, startTotp } from "../service";

interface TotpCardProps {
  enabled: boolean;
  onChanged: () => void;
}

/** Two-step verification status, and enrolment when it is not on yet. */
export function TotpCard({ enabled, onChanged }: TotpCardProps) {
  const { message } = App.useApp();
  const [enrolling, setEnrolling] = useState(false);

  if (enabled) {
    return (
      <Card title="两步验证">
        <Result
          status="success"
          icon={<SafetyCertificateOutlined />}
          title="已开启两步验证"
          subTitle="登录时需要输入身份验证器上的动态码。更换手机或验证器丢失时，请联系中心管理员重置后重新绑定。"
        />
      </Card>
    );
  }

  return (
    <Card title="两步验证">
      {enrolling ? (
        <TotpEnrolment
          start={startTotp}
          confirm={confirmTotp}
          onEnrolled={(answer) => {
            applyTotpEnrolled(answer);
            setEnrolling(false);
            void message.success("两步验证已开启");
            onChanged();
          }}
        />
      ) : (
        <Flex vertical gap={12} align="flex-start">
          <Typography.Paragraph style={{ margin: 0 }}>
            还没有开启两步验证。开启后，即使密码泄露，别人也无法登录你的账号，学生的求助记录会更安全。
          </Typography.Paragraph>
          <Button type="primary" onClick={() => setEnrolling(true)}>
            开启两步验证
          </Button>
        </Flex>
      )}
    </Card>
  );
}
