import { Button } from "antd";
import { AuthFrame } from "../../components/AuthFrame";
import { TotpEnrolment } from "../../components/account/TotpEnrolment";
import { applyTotpEnrolled } from "../../session/accountChanges";
import { signOut } from "../../session/signOut";
import { confirmTotp, startTotp } from "./service";

/** Required two-step verification: bind an authenticator before using the admin. */
export default function TotpSetupPage() {
  return (
    <AuthFrame
      title="绑定身份验证器"
      description="工作台里有学生的求助记录，需要开启两步验证：以后登录时，除了密码，还要输入手机验证器上的动态码。"
      footer={
        <Button type="link" onClick={() => signOut()}>
          退出登录
        </Button>
      }
    >
      <TotpEnrolment start={startTotp} confirm={confirmTotp} onEnrolled={applyTotpEnrolled} />
    </AuthFrame>
  );
}
