import { defineRoute } from "./contract";
import { updateRetentionBody } from "../retention";

const centreAdmin = ["centre_admin"] as const;

/** 保存期限 (retention/): county centre admins only; every change and run audited. */
export const retentionRoutes = {
  getRetention: defineRoute({ method: "get", path: "/settings/retention", summary: "保存期限与清除记录", tag: "settings", audience: "staff", roles: centreAdmin }),
  updateRetention: defineRoute({ method: "patch", path: "/settings/retention", summary: "修改保存期限（启用清除前须先预览）", tag: "settings", audience: "staff", roles: centreAdmin, body: updateRetentionBody }),
  retentionDryRun: defineRoute({ method: "post", path: "/settings/retention/dry-run", summary: "预览：按当前期限会清除多少条（不改动任何内容）", tag: "settings", audience: "staff", roles: centreAdmin }),
};
