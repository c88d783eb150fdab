import { z } from "zod";
import { scopeLevels, staffRoles } from "../roles";
import { pageQuery, uuid } from "./common";

export const staffScopeInput = z.object({
  level: z.enum(scopeLevels),
  areaId: uuid.nullable().default(null),
  schoolId: uuid.nullable().default(null),
});

export const createStaffBody = z.object({
  username: z
    .string()
    .trim()
    .min(3, { error: "用户名至少 3 个字符" })
    .max(32)
    .regex(/^[a-zA-Z0-9_.-]+$/, { error: "用户名只能包含字母、数字、下划线、点和横线" }),
  displayName: z.string().trim().min(1, { error: "请填写姓名" }).max(32),
  roles: z.array(z.enum(staffRoles)).min(1, { error: "至少选择一个角色" }),
  scope: staffScopeInput,
});
export type CreateStaffBody = z.infer<typeof createStaffBody>;

export const updateStaffBody = z.object({
  displayName: z.string().trim().min(1).max(32).optional(),
  roles: z.array(z.enum(staffRoles)).min(1).optional(),
  scope: staffScopeInput.optional(),
});

export const listStaffQuery = pageQuery.extend({
  q: z.string().trim().max(32).optional(),
  role: z.enum(staffRoles).optional(),
  status: z.enum(["active", "disabled"]).optional(),
});
