import { defineRoute } from "./contract";
import { changePasswordBody, staffLoginBody, totpConfirmBody, wechatLoginBody } from "../schemas/auth";
import { createStaffBody, listStaffQuery, updateStaffBody } from "../schemas/staff";
import { createAreaBody, createSchoolBody, listSchoolsQuery, publicSchoolsQuery, updateAreaBody, updateSchoolBody } from "../schemas/directory";
import { giveConsentBody, updateProfileBody } from "../schemas/me";
import { listAuditQuery } from "../schemas/audit";
import { updateSettingsBody } from "../schemas/settings";
import { pageQuery } from "../schemas/common";
import { staffRoles } from "../roles";

const anyStaff = staffRoles;
const centreAdmin = ["centre_admin"] as const;

/** Foundation routes. Feature issues add their own files beside this one and list them in ./index.ts. */
export const foundationRoutes = {
  // sessions
  staffLogin: defineRoute({ method: "post", path: "/auth/staff/login", summary: "工作人员登录（密码 + 动态码）", tag: "auth", audience: "public", body: staffLoginBody }),
  wechatLogin: defineRoute({ method: "post", path: "/auth/wechat/login", summary: "小程序用户微信登录（code2Session）", tag: "auth", audience: "public", body: wechatLoginBody }),
  logout: defineRoute({ method: "post", path: "/auth/logout", summary: "退出登录（作废当前会话）", tag: "auth", audience: "public" }),

  // the staff member's own account
  getAccount: defineRoute({ method: "get", path: "/account", summary: "当前工作人员", tag: "account", audience: "staff", roles: anyStaff }),
  changePassword: defineRoute({ method: "post", path: "/account/password", summary: "修改密码", tag: "account", audience: "staff", roles: anyStaff, body: changePasswordBody }),
  startTotp: defineRoute({ method: "post", path: "/account/totp/setup", summary: "开始绑定身份验证器", tag: "account", audience: "staff", roles: anyStaff }),
  confirmTotp: defineRoute({ method: "post", path: "/account/totp/confirm", summary: "确认绑定身份验证器", tag: "account", audience: "staff", roles: anyStaff, body: totpConfirmBody }),

  // staff management
  listStaff: defineRoute({ method: "get", path: "/staff", summary: "工作人员列表", tag: "staff", audience: "staff", roles: centreAdmin, query: listStaffQuery }),
  createStaff: defineRoute({ method: "post", path: "/staff", summary: "新建工作人员", tag: "staff", audience: "staff", roles: centreAdmin, body: createStaffBody }),
  getStaff: defineRoute({ method: "get", path: "/staff/:id", summary: "工作人员详情", tag: "staff", audience: "staff", roles: centreAdmin }),
  updateStaff: defineRoute({ method: "patch", path: "/staff/:id", summary: "修改工作人员", tag: "staff", audience: "staff", roles: centreAdmin, body: updateStaffBody }),
  resetStaffPassword: defineRoute({ method: "post", path: "/staff/:id/reset-password", summary: "重置密码（返回一次性临时密码）", tag: "staff", audience: "staff", roles: centreAdmin }),
  resetStaffTotp: defineRoute({ method: "post", path: "/staff/:id/reset-totp", summary: "解绑身份验证器", tag: "staff", audience: "staff", roles: centreAdmin }),
  disableStaff: defineRoute({ method: "post", path: "/staff/:id/disable", summary: "停用账号", tag: "staff", audience: "staff", roles: centreAdmin }),
  enableStaff: defineRoute({ method: "post", path: "/staff/:id/enable", summary: "启用账号", tag: "staff", audience: "staff", roles: centreAdmin }),

  // directory
  listAreas: defineRoute({ method: "get", path: "/areas", summary: "片区列表", tag: "directory", audience: "staff", roles: anyStaff, query: pageQuery }),
  createArea: defineRoute({ method: "post", path: "/areas", summary: "新建片区", tag: "directory", audience: "staff", roles: centreAdmin, body: createAreaBody }),
  updateArea: defineRoute({ method: "patch", path: "/areas/:id", summary: "修改片区", tag: "directory", audience: "staff", roles: centreAdmin, body: updateAreaBody }),
  listSchools: defineRoute({ method: "get", path: "/schools", summary: "学校列表", tag: "directory", audience: "staff", roles: anyStaff, query: listSchoolsQuery }),
  createSchool: defineRoute({ method: "post", path: "/schools", summary: "新建学校", tag: "directory", audience: "staff", roles: centreAdmin, body: createSchoolBody }),
  updateSchool: defineRoute({ method: "patch", path: "/schools/:id", summary: "修改学校", tag: "directory", audience: "staff", roles: centreAdmin, body: updateSchoolBody }),

  // audit and settings
  listAuditEvents: defineRoute({ method: "get", path: "/audit-events", summary: "审计日志检索", tag: "audit", audience: "staff", roles: ["centre_admin", "supervisor"], query: listAuditQuery }),
  getSettings: defineRoute({ method: "get", path: "/settings", summary: "平台设置", tag: "settings", audience: "staff", roles: centreAdmin }),
  updateSettings: defineRoute({ method: "patch", path: "/settings", summary: "修改平台设置", tag: "settings", audience: "staff", roles: centreAdmin, body: updateSettingsBody }),

  // the mini-program user
  getMe: defineRoute({ method: "get", path: "/me", summary: "我的信息（别名、授权）", tag: "me", audience: "user" }),
  updateProfile: defineRoute({ method: "patch", path: "/me/profile", summary: "设置身份、年龄段、学校", tag: "me", audience: "user", body: updateProfileBody }),
  giveConsent: defineRoute({ method: "post", path: "/me/consents", summary: "同意隐私政策 / 敏感信息 / 监护人同意", tag: "me", audience: "user", body: giveConsentBody }),
  exportMe: defineRoute({ method: "get", path: "/me/export", summary: "导出我的数据", tag: "me", audience: "user" }),
  deleteMe: defineRoute({ method: "delete", path: "/me", summary: "注销账号", tag: "me", audience: "user" }),

  // public
  publicConfig: defineRoute({ method: "get", path: "/public/config", summary: "热线号码、开放时间、求助电话", tag: "public", audience: "public" }),
  publicSchools: defineRoute({ method: "get", path: "/public/schools", summary: "学校选择（可搜索）", tag: "public", audience: "public", query: publicSchoolsQuery }),
} as const;

