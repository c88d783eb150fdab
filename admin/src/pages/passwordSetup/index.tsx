import { Button } from "antd";
import { AuthFrame } from "../../components/AuthFrame";
import { ChangePasswordForm } from "../../components/account/ChangePasswordForm";
import { applyPasswordChanged } from "../../session/accountChanges";
import { signOut } from "../../session/signOut";
import { changePassword } from "./service";

/** First sign-in (or after a reset): the temporary password must be replaced before anything else. */
export default function PasswordSetupPage() {
  return (
    <AuthFrame
      title="请设置新密码"
      description="为了账号安全，首次登录或密码被重置后，需要先把临时密码换成只有你知道的新密码。"
      footer={
        <Button type="link" onClick={() => signOut()}>
          退出登录
        </Button>
      }
    >
      <ChangePasswordForm submit={changePassword} onChanged={applyPasswordChanged} currentPasswordLabel="临时密码（或当前密码）" submitLabel="保存新密码" />
    </AuthFrame>
  );
}
