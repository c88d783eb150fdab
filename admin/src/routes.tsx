import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from "react";
import {
  AlertOutlined,
  AuditOutlined,
  BarChartOutlined,
  CalendarOutlined,
  ClusterOutlined,
  DashboardOutlined,
  FormOutlined,
  FundOutlined,
  CommentOutlined,
  HomeOutlined,
  MailOutlined,
  NotificationOutlined,
  PhoneOutlined,
  SettingOutlined,
  TeamOutlined,
  UserOutlined,
} from "@ant-design/icons";
import type { AccessKey } from "./access";
import { guardPaths } from "./guard";

/**
 * Every page of the admin, in one place, with the access right it needs. The menu, the router and the
 * guards are all built from this list. A route with `page: null` is a slot for a feature not built yet:
 * it stays out of the menu and its address answers "not found" until its issue lands.
 */

/** A page loaded on first visit; preload starts its download early (the same download the page then waits for). */
export interface PageComponent extends LazyExoticComponent<ComponentType> {
  preload: () => Promise<unknown>;
}

/** bare: no session needed; setup: a signed-in staff member finishing a forced step; admin: the app. */
export type RouteFrame = "bare" | "setup" | "admin";

export type MenuGroup = "work" | "content" | "manage" | "self";

export const menuGroupLabels: Record<MenuGroup, string> = {
  work: "咨询工作",
  content: "宣传教育",
  manage: "管理",
  self: "个人",
};

export interface AdminRoute {
  path: string;
  title: string;
  frame: RouteFrame;
  /** Needed for admin routes; bare and setup routes are decided by the session alone. */
  access?: AccessKey;
  icon?: ReactNode;
  /** Menu section; admin routes without one sit at the top of the menu. */
  menuGroup?: MenuGroup;
  page: PageComponent | null;
}

function page(load: () => Promise<{ default: ComponentType }>): PageComponent {
  let loading: Promise<{ default: ComponentType }> | undefined;
  const loadOnce = () => (loading ??= load());
  return Object.assign(lazy(loadOnce), { preload: loadOnce });
}

export const routes: readonly AdminRoute[] = [
  { path: guardPaths.login, title: "登录", frame: "bare", page: page(() => import("./pages/login")) },
  { path: guardPaths.passwordSetup, title: "设置新密码", frame: "setup", page: page(() => import("./pages/passwordSetup")) },
  { path: guardPaths.totpSetup, title: "绑定身份验证器", frame: "setup", page: page(() => import("./pages/totpSetup")) },

  { path: guardPaths.home, title: "工作台", frame: "admin", access: "canUseAdmin", icon: <HomeOutlined />, page: page(() => import("./pages/home").then(({ default: HomePage }) => ({ default: () => <HomePage routes={routes} /> }))) },
  // Slots for the feature issues: give them a page when they are built.
  { path: "/hotline", title: "热线队列", frame: "admin", access: "canWorkHotline", icon: <PhoneOutlined />, menuGroup: "work", page: page(() => import("./pages/hotline")) },
  { path: "/hotline-board", title: "热线看板", frame: "admin", access: "canSuperviseHotline", icon: <DashboardOutlined />, menuGroup: "work", page: page(() => import("./pages/hotlineBoard")) },
  { path: "/chats", title: "在线咨询", frame: "admin", access: "canWorkQueue", icon: <CommentOutlined />, menuGroup: "work", page: page(() => import("./pages/chats")) },
  { path: "/alerts", title: "风险预警", frame: "admin", access: "canWorkQueue", icon: <AlertOutlined />, menuGroup: "work", page: page(() => import("./pages/alerts")) },
  { path: "/letters", title: "信箱", frame: "admin", access: "canAnswerLetters", icon: <MailOutlined />, menuGroup: "work", page: page(() => import("./pages/letters")) },
  { path: "/crisis", title: "危机个案", frame: "admin", access: "canHandleCrisis", icon: <AlertOutlined />, menuGroup: "work", page: page(() => import("./pages/cases")) },
  { path: "/publishing", title: "宣传月", frame: "admin", access: "canUseContent", icon: <NotificationOutlined />, menuGroup: "content", page: page(() => import("./pages/publishing")) },
  { path: "/activity-reports", title: "宣传月活动上报", frame: "admin", access: "canReportActivities", icon: <FormOutlined />, menuGroup: "content", page: page(() => import("./pages/activityReports")) },
  { path: "/activity-overview", title: "各校宣传月概览", frame: "admin", access: "canReadActivityOverview", icon: <FundOutlined />, menuGroup: "content", page: page(() => import("./pages/activityReports/overview")) },
  { path: "/appointments", title: "预约日程", frame: "admin", access: "canWorkAppointments", icon: <CalendarOutlined />, menuGroup: "work", page: page(() => import("./pages/appointments")) },
  { path: "/appointment-setup", title: "预约设置", frame: "admin", access: "canManageAppointments", icon: <CalendarOutlined />, menuGroup: "manage", page: page(() => import("./pages/appointmentSetup")) },
  { path: "/statistics", title: "统计与督查", frame: "admin", access: "canReadStatistics", icon: <BarChartOutlined />, menuGroup: "manage", page: page(() => import("./pages/statistics")) },
  { path: "/roster", title: "值班表", frame: "admin", access: "canReadRoster", icon: <CalendarOutlined />, menuGroup: "manage", page: page(() => import("./pages/roster")) },

  { path: "/letter-mailboxes", title: "信箱设置", frame: "admin", access: "canManageSettings", icon: <MailOutlined />, menuGroup: "manage", page: page(() => import("./pages/letterMailboxes")) },
  { path: "/staff", title: "工作人员管理", frame: "admin", access: "canManageStaff", icon: <TeamOutlined />, menuGroup: "manage", page: page(() => import("./pages/staff")) },
  { path: "/directory", title: "片区与学校", frame: "admin", access: "canManageDirectory", icon: <ClusterOutlined />, menuGroup: "manage", page: page(() => import("./pages/directory")) },
  { path: "/risk-lexicon", title: "风险词库", frame: "admin", access: "canEditRiskLexicon", icon: <AlertOutlined />, menuGroup: "manage", page: page(() => import("./pages/riskLexicon")) },
  { path: "/audit", title: "审计日志", frame: "admin", access: "canReadAudit", icon: <AuditOutlined />, menuGroup: "manage", page: page(() => import("./pages/audit")) },
  { path: "/settings", title: "平台设置", frame: "admin", access: "canManageSettings", icon: <SettingOutlined />, menuGroup: "manage", page: page(() => import("./pages/settings")) },
  { path: "/account", title: "我的账号", frame: "admin", access: "canUseAdmin", icon: <UserOutlined />, menuGroup: "self", page: page(() => import("./pages/account")) },
];

/** Routes that have a page: the ones the router mounts. */
export const builtRoutes = routes.filter((route): route is AdminRoute & { page: PageComponent } => route.page !== null);
