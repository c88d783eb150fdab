import { Suspense, useState } from "react";
import { Avatar, Dropdown, Flex, Layout, Menu, Typography, type MenuProps } from "antd";
import { LogoutOutlined, UserOutlined } from "@ant-design/icons";
import { Outlet, useLocation, useNavigate } from "react-router-dom";
import type { StaffSessionView } from "@xinyuan/shared";
import { access } from "../access";
import { signOut } from "../session/signOut";
import { LoadingBlock } from "../components/LoadingBlock";
import { describeRoles, describeScope } from "./describeStaff";
import { menuItemsFor, selectedMenuKey } from "./menuItems";
import { BrandMark } from "./BrandMark";
import { useRealtimeConnection } from "../realtime/useRealtimeConnection";
import { RiskAlertWatcher } from "../realtime/RiskAlertWatcher";
import { AlertInbox } from "../attention/AlertInbox";
import { WorkNotices } from "../attention/WorkNotices";
import { ConnectionBadge } from "../realtime/ConnectionBadge";
import { DutyToggle } from "../duty/DutyToggle";

/**
 * The signed-in frame: side menu from access(), the staff member in the header, the page on the right.
 * Loaded lazily behind AdminFrame, which has already checked the session and the forced steps.
 */
export function AdminLayout({ session }: { session: StaffSessionView }) {
  const location = useLocation();
  const navigate = useNavigate();
  const [collapsed, setCollapsed] = useState(false);
  useRealtimeConnection(session);

  const { staff } = session;
  const worksQueue = access(staff).canWorkQueue;
  const userMenu: MenuProps["items"] = [
    { key: "account", icon: <UserOutlined />, label: "我的账号", onClick: () => navigate("/account") },
    { type: "divider" },
    { key: "logout", icon: <LogoutOutlined />, label: "退出登录", onClick: () => signOut() },
  ];

  return (
    <Layout style={{ minHeight: "100vh" }}>
      <Layout.Sider theme="light" collapsible collapsed={collapsed} onCollapse={setCollapsed} width={220} style={{ borderRight: "1px solid #f0f0f0", position: "sticky", top: 0, height: "100vh", overflow: "auto" }}>
        <BrandMark compact={collapsed} />
        <Menu
          mode="inline"
          selectedKeys={[selectedMenuKey(location.pathname)]}
          items={menuItemsFor(access(staff))}
          onClick={({ key }) => navigate(key)}
          style={{ borderInlineEnd: "none" }}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: "#fff", padding: "0 24px", borderBottom: "1px solid #f0f0f0" }}>
          <Flex justify="flex-end" align="center" gap={16} style={{ height: "100%" }}>
            {worksQueue ? (
              <>
                <RiskAlertWatcher />
                <WorkNotices />
                <AlertInbox />
                <ConnectionBadge />
                <DutyToggle />
              </>
            ) : null}
            <Dropdown menu={{ items: userMenu }} placement="bottomRight" trigger={["click"]}>
              <Flex align="center" gap={8} style={{ cursor: "pointer" }} data-testid="current-staff">
                <Avatar style={{ background: "#3a8f7f" }}>{staff.displayName.slice(0, 1)}</Avatar>
                <Flex vertical style={{ lineHeight: 1.3 }}>
                  <Typography.Text strong>{staff.displayName}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {describeRoles(staff.roles)} · {describeScope(staff.scope)}
                  </Typography.Text>
                </Flex>
              </Flex>
            </Dropdown>
          </Flex>
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>
          <Suspense fallback={<LoadingBlock />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
