import { useEffect } from "react";
import { Col, Row, Space, Tag, Typography } from "antd";
import { staffRoleLabels } from "@xinyuan/shared";
import { access } from "../../access";
import type { HomeRoute } from "./homeRoute";
import { useSession } from "../../session/useSession";
import { PageContainer } from "../../components/PageContainer";
import { describeScope } from "../../layout/describeStaff";
import { ShortcutCards } from "./components/ShortcutCards";
import { HelplineCard } from "./components/HelplineCard";
import { RoleDutiesCard } from "./components/RoleDutiesCard";
import { FollowUpCard } from "./components/FollowUpCard";
import { refreshAccount } from "./service";
import { DeskSummary } from "../publishing/components/DeskSummary";

/** 工作台: who I am here, what my roles do, where I can go. */
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
      <RoleDutiesCard roles={staff.roles} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Typography.Title level={5}>常用</Typography.Title>
          <ShortcutCards routes={ready} />
          {rights.canUseContent ? <DeskSummary editor={rights.canEditContent} reviewer={rights.canReviewContent} /> : null}
        </Col>
        <Col xs={24} xl={8}>
          {rights.canHandleCrisis ? (
            <div style={{ marginBottom: 16 }}>
              <FollowUpCard />
            </div>
          ) : null}
          <HelplineCard />
        </Col>
      </Row>
    </PageContainer>
  );
}
