/**
 * Stable error codes with the Chinese message a user may see. Clients show `message` as is; they branch
 * on `code`. Messages are written for a worried teenager or a busy counsellor: plain, kind, never blaming.
 */
export const errorMessages = {
  VALIDATION_FAILED: "填写的内容有点问题，请检查后再试一次。",
  BAD_JSON: "请求内容无法识别，请刷新后再试。",
  PAYLOAD_TOO_LARGE: "内容太长了，请精简一些再发送。",
  UNAUTHENTICATED: "请先登录后再继续。",
  SESSION_EXPIRED: "太久没有操作，为了安全已自动退出，请重新登录。",
  FORBIDDEN: "你没有权限进行这个操作。",
  NOT_FOUND: "没有找到相关内容，它可能已被移除。",
  ROUTE_NOT_FOUND: "没有这个接口。",
  RATE_LIMITED: "操作太频繁了，请稍等片刻再试。",
  CONFLICT: "内容已被其他人修改，请刷新后再试。",
  INTERNAL: "服务暂时出了点问题，我们正在处理，请稍后再试。",
  INVALID_CREDENTIALS: "用户名或密码不正确。",
  ACCOUNT_LOCKED: "连续登录失败次数过多，账号已临时锁定，请 15 分钟后再试。",
  ACCOUNT_DISABLED: "该账号已停用，请联系管理员。",
  TOTP_REQUIRED: "请输入身份验证器上的 6 位动态码。",
  TOTP_INVALID: "动态码不正确或已过期，请重新输入。",
  TOTP_ENROLMENT_REQUIRED: "请先绑定身份验证器（两步验证）后再继续。",
  TOTP_NOT_STARTED: "请先开始绑定身份验证器。",
  PASSWORD_CHANGE_REQUIRED: "首次登录请先修改密码。",
  PASSWORD_TOO_WEAK: "新密码至少 10 位，并同时包含字母和数字。",
  PASSWORD_INCORRECT: "当前密码不正确。",
  USERNAME_TAKEN: "该用户名已被使用，请换一个。",
  SCOPE_INVALID: "所属范围设置不正确：县级不选片区和学校，片区级需选片区，学校级需选学校。",
  WECHAT_LOGIN_FAILED: "微信登录没有成功，请稍后再试。",
  WECHAT_UNAVAILABLE: "暂时连不上微信服务，请稍后再试。",
  CONSENT_REQUIRED: "使用这项服务前，需要先阅读并同意隐私政策和敏感信息授权。",
  GUARDIAN_CONSENT_REQUIRED: "你还未满 14 岁，需要先请爸爸妈妈或其他监护人同意，才能使用这项服务。",
  AGE_BAND_REQUIRED: "请先选择你的年龄段。",
  CONSENT_VERSION_OUTDATED: "隐私政策已更新，请重新阅读并同意。",
  AREA_NOT_FOUND: "没有找到这个片区。",
  SCHOOL_NOT_FOUND: "没有找到这所学校。",
  STAFF_NOT_FOUND: "没有找到这位工作人员。",
  NAME_TAKEN: "这个名称已经存在了。",
  AUDIT_IMMUTABLE: "审计记录不可修改或删除。",
  DEMO_SETTINGS_IN_PRODUCTION: "生产环境不能使用演示配置。",
} as const;

export type ErrorCode = keyof typeof errorMessages;

/** The one JSON error shape every endpoint answers with. */
export interface ErrorBody {
  error: { code: ErrorCode | (string & {}); message: string; details?: unknown };
}

export function isErrorBody(value: unknown): value is ErrorBody {
  return (
    typeof value === "object" &&
    value !== null &&
    "error" in value &&
    typeof (value as ErrorBody).error?.code === "string"
  );
}
