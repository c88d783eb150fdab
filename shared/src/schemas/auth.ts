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

/**
 * At least 12 characters; whether it is guessable is judged on the server by a strength estimator
 * (server/src/auth/passwordStrength.ts), not by composition rules (NIST SP 800-63B).
 */
export const newPassword = z.string().min(12, { error: "新密码至少 12 位" }).max(128, { error: "新密码最多 128 位" });

export const changePasswordBody = z.object({
  currentPassword: z.string().min(1).max(256),
  newPassword,
});

export const totpConfirmBody = z.object({
  code: z.string().regex(/^\d{6}$/, { error: "动态码是 6 位数字" }),
});
