import { Card, Col, Row, Typography } from "antd";
import { useNavigate } from "react-router-dom";
import type { HomeRoute } from "../homeRoute";

const shortcutNotes: Record<string, string> = {
  "/staff": "新建账号、分配角色和范围、重置密码",
  "/directory": "维护片区、中心校和学校名录",
  "/audit": "查看谁在什么时候做了什么",
  "/statistics": "服务量、接起率、覆盖情况和学期报表",
  "/settings": "两步验证等全局安全设置",
  "/account": "修改密码、绑定身份验证器",
};

/** One card per page the staff member may open. */
export function ShortcutCards({ routes }: { routes: readonly HomeRoute[] }) {
  const navigate = useNavigate();
  return (
    <Row gutter={[16, 16]}>
      {routes.map((route) => (
        <Col key={route.path} xs={24} sm={12} lg={8}>
          <Card hoverable onClick={() => navigate(route.path)}>
            <Card.Meta avatar={<span style={{ fontSize: 22, color: "#3a8f7f" }}>{route.icon}</span>} title={route.title} description={<Typography.Text type="secondary">{shortcutNotes[route.path] ?? ""}</Typography.Text>} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}
