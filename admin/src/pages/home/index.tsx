import { useEffect } from "react";
import { Alert, Col, Row, Space, Tag, Typography } from "antd";
import { staffRoleLabels } from "@xinyuan/shared";
import { access } from "../../access";
import type { HomeRoute } from "./homeRoute";
import { useSession } from "../../session/useSession";
import { PageContainer } from "../../components/PageContainer";
import { describeScope } from "../../layout/describeStaff";
import { ShortcutCards } from "./components/ShortcutCards";
import { HelplineCard } from "./components/HelplineCard";
import { refreshAccount } from "./service";

/** 工作台: who I am here, where I can go, which features are on their way. */
export default function HomePage({ routes }: { routes: readonly HomeRoute[] }) {
  const session = useSession();

  useEffect(() => {
    void refreshAccount().catch(() => undefined);
  }, []);

  if (!session) return null;
  const { staff } = session;
  const rights = access(staff);
  const mine = routes.filter((route) => route.frame === "admin" && route.path !== "/" && route.access && rights[route.access]);
  const ready = mine.filter((route) => route.page !== null);
  const coming = mine.filter((route) => route.page === null);

  return (
    <PageContainer title={`你好，${staff.displayName}`} description="感谢你守护孩子们的心理健康。">
      <Space wrap>
        {staff.roles.map((role) => (
          <Tag key={role} color="green">
            {staffRoleLabels[role]}
          </Tag>
        ))}
        <Tag>{describeScope(staff.scope)}</Tag>
        {staff.totpEnabled ? <Tag color="blue">已开启两步验证</Tag> : <Tag color="orange">未开启两步验证</Tag>}
      </Space>
      {coming.length > 0 ? (
        <Alert
          type="info"
          showIcon
          message="以下功能正在建设中，上线后会出现在左侧菜单"
          description={coming.map((route) => route.title).join("、")}
        />
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Typography.Title level={5}>常用</Typography.Title>
          <ShortcutCards routes={ready} />
        </Col>
        <Col xs={24} xl={8}>
          <HelplineCard />
        </Col>
      </Row>
    </PageContainer>
  );
}
