import { App, Card, Col, Row } from "antd";
import { PageContainer } from "../../components/PageContainer";
import { LoadingBlock } from "../../components/LoadingBlock";
import { LoadFailed } from "../../components/LoadFailed";
import { ChangePasswordForm } from "../../components/account/ChangePasswordForm";
import { useAsync } from "../../hooks/useAsync";
import { applyPasswordChanged } from "../../session/accountChanges";
import { applyAccount } from "../../session/sessionStore";
import { ProfileCard } from "./components/ProfileCard";
import { TotpCard } from "./components/TotpCard";
import { changePassword, getAccount } from "./service";

/** 我的账号: my details, my password, my second factor. */
export default function AccountPage() {
  const { message } = App.useApp();
  const account = useAsync(async () => {
    const account = await getAccount();
    applyAccount(account);
    return account;
  }, []);

  if (account.error) return <LoadFailed error={account.error} onRetry={account.reload} />;
  if (!account.data) return <LoadingBlock />;

  return (
    <PageContainer title="我的账号" description="个人信息由中心管理员维护；密码和两步验证由你自己管理。">
      <ProfileCard staff={account.data} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title="修改密码">
            <ChangePasswordForm
              submit={changePassword}
              onChanged={(answer) => {
                applyPasswordChanged(answer);
                void message.success("密码已修改，下次登录请使用新密码");
              }}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <TotpCard enabled={account.data.totpEnabled} onChanged={account.reload} />
        </Col>
      </Row>
    </PageContainer>
  );
}
