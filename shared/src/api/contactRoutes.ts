import { defineRoute } from "./contract";
import { createContactCategoryBody, updateContactCategoryBody } from "../contacts";

/**
 * The reasons-for-contact taxonomy. Any counsellor, supervisor or centre admin reads it (to fill in a
 * contact record); county centre admins add, rename, reorder and deactivate categories.
 */
export const contactRoutes = {
  /** ContactCategoryTreeView[]: 大类 with their 小类; `?all=1` includes deactivated ones (for editing). */
  listContactCategories: defineRoute({ method: "get", path: "/contact-categories", summary: "来电原因分类（大类与小类）", tag: "contacts", audience: "staff", roles: ["counsellor", "supervisor", "centre_admin"] }),
  /** ContactCategoryView */
  createContactCategory: defineRoute({ method: "post", path: "/contact-categories", summary: "新增来电原因分类", tag: "contacts", audience: "staff", roles: ["centre_admin"], body: createContactCategoryBody }),
  /** ContactCategoryView */
  updateContactCategory: defineRoute({ method: "patch", path: "/contact-categories/:id", summary: "修改 / 停用来电原因分类", tag: "contacts", audience: "staff", roles: ["centre_admin"], body: updateContactCategoryBody }),
} as const;
