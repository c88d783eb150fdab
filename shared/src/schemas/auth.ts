import { z } from "zod";

export const staffLoginBody = z.object({
  username: z.string().trim().min(1, { error: "请输入用户名" }).max(64),
  password: z.string().min(1, { error: "请输入密码" }).max(256),
  totpCode: z.string().regex(/^\d{6}$/, { error: "动态码是 6 位数字" }).optional(),
});
export type StaffLoginBody = z.infer<typeof staffLoginBody>;

export const wechatLoginBody = z.object({
  code: z.string().min(1).max(128),
});
export type WechatLoginBody = z.infer<typeof wechatLoginBody>;

/** At least 10 characters with letters and digits. */
export const newPassword = z
  .string()
  .min(10, { error: "新密码至少 10 位" })
  .max(128)
  .refine((value) => /[A-Za-z]/.test(value) && /\d/.test(value), { error: "新密码需同时包含字母和数字" });

export const changePasswordBody = z.object({
  currentPassword: z.string().min(1).max(256),
  newPassword,
});

export const totpConfirmBody = z.object({
  code: z.string().regex(/^\d{6}$/, { error: "动态码是 6 位数字" }),
});
