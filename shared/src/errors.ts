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
  INVALID_CREDENTIALS: "用户名或密码不正确。如果连续输错多次，请等 15 分钟后再试。",
  ACCOUNT_LOCKED: "连续登录失败次数过多，账号已临时锁定，请 15 分钟后再试。",
  ACCOUNT_DISABLED: "该账号已停用，请联系管理员。",
  TOTP_REQUIRED: "请输入身份验证器上的 6 位动态码。",
  TOTP_INVALID: "动态码不正确或已过期，请重新输入。",
  TOTP_ENROLMENT_REQUIRED: "请先绑定身份验证器（两步验证）后再继续。",
  TOTP_NOT_STARTED: "请先开始绑定身份验证器。",
  PASSWORD_CHANGE_REQUIRED: "首次登录请先修改密码。",
  PASSWORD_TOO_WEAK: "这个密码太容易被猜到，请换一个至少 12 位、别人猜不到的密码。",
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
  SCOPE_NOT_ALLOWED: "不能设置超出你自己管理范围的账号。",
  OWN_ACCOUNT_PROTECTED: "不能对自己的账号执行这个操作，请联系其他管理员。",
  PASSWORD_REUSED: "新密码不能与当前密码相同。",
  TOTP_ALREADY_ENROLLED: "你已经绑定了身份验证器；如需更换，请联系管理员解绑。",
  CENTRE_SCHOOL_OUTSIDE_AREA: "片区中心校必须是本片区内的学校。",
  SCHOOL_IS_AREA_CENTRE: "这所学校是片区中心校，请先为原片区更换中心校，再调整它所属的片区。",
  GUARDIAN_CONSENT_NOT_NEEDED: "你已满 14 岁，不需要监护人同意，直接使用就可以。",
  CONTACT_CATEGORY_INVALID: "所选的来电原因分类不存在或已停用，请刷新后重新选择。",
  CONTACT_CATEGORY_NOT_FOUND: "没有找到这个分类。",
  CONTACT_CATEGORY_DEPTH: "小类下面不能再建分类，请选择一个大类作为上级。",
  HOTLINE_CLOSED: "热线现在不在服务时间。你可以先拨打 12356 全国心理援助热线，也可以在线留言或写信给我们。",
  HOTLINE_FULL: "现在排队的人比较多，暂时不能再加入。你可以先拨打 12356 全国心理援助热线，或者在线留言，我们都在。",
  HOTLINE_ALREADY_WAITING: "你已经在排队了，不用重复加入，请留意排队进度。",
  HOTLINE_TICKET_NOT_FOUND: "没有找到这次排队记录。",
  HOTLINE_TICKET_CLOSED: "这次排队已经结束了。",
  HOTLINE_WINDOW_INVALID: "回拨时间段不正确：请选择从现在起 7 天内、30 分钟到 12 小时之间的时间段。",
  HOTLINE_WINDOW_NOT_STAFFED: "你选的时间段里暂时没有老师值班，没法按时给你回电。请换一个时间段，或者先用下面的方式找我们。",
  CHAT_REMINDER_FAILED: "回复提醒没有设置成功。没关系，老师回复后你打开小程序就能看到；也可以稍后再试一次。",
  HOTLINE_NOTIFY_FAILED: "订阅提醒没有设置成功，请重新打开小程序后再试一次。",
  HOTLINE_QUEUE_EMPTY: "现在没有等待中的来电者。",
  HOTLINE_ALREADY_ON_CALL: "你手上还有一通来电没有处理完，请先记录结果或放回队列，再接下一位。",
  HOTLINE_NOT_ON_DUTY: "请先上岗（热线），并保持值班页面打开，才能接听来电。",
  HOTLINE_STAFF_ON_LEAVE: "你正在请假，请假期间不会分配来电。",
  HOTLINE_NOT_CLAIMANT: "只有接起这通来电的老师才能进行这个操作。",
  HOTLINE_CALL_STATE: "这通来电现在的状态不能进行这个操作，请刷新后再试。",
  HOTLINE_NUMBER_NOT_INBOUND: "这是预约回拨的排队号，不能按号接起，请在约定时间从队列中接听。请再和来电者核对一下排队号。",
  HOTLINE_TRANSFER_TARGET_UNAVAILABLE: "这位同事现在不在岗、正在请假或正在通话，请换一位同事。",
  HOTLINE_NOT_CALLBACK: "这位来电者选择了自己拨打热线，不需要回拨。",
  ROSTER_SHIFT_INVALID: "班次时间不正确：结束要晚于开始，一个班次最长 24 小时。",
  ROSTER_SHIFT_OVERLAP: "这位老师在这段时间已经有班次了。",
  ROSTER_SHIFT_NOT_FOUND: "没有找到这个班次。",
  ROSTER_STAFF_NOT_ELIGIBLE: "只能给县级的咨询师或督导排热线值班。",
  ROSTER_LEAVE_INVALID: "请假时间不正确：结束要晚于开始，最长 90 天。",
  ROSTER_LEAVE_NOT_FOUND: "没有找到这条请假记录。",
  ROSTER_HOLIDAY_NOT_FOUND: "没有找到这个节假日。",
  CHAT_NOT_FOUND: "没有找到这次对话。",
  CHAT_CLOSED: "这次对话已经结束了。想继续聊的话，可以重新发起一次咨询。",
  CHAT_MESSAGE_TOO_LONG: "这条消息有点长，请分成几条发送。",
  CHAT_MESSAGE_EMPTY: "消息不能是空的。",
  CHAT_READ_ONLY: "你正在旁听这次对话，接手后才能发言。",
  CHAT_NOT_ON_DUTY: "请先上岗（在线咨询），并保持值班页面打开，才能接待咨询。",
  CHAT_CAPACITY_FULL: "你正在接待的咨询已经达到上限，请先结束或转出一个再接新的。",
  CHAT_ALREADY_TAKEN: "这次咨询已经有老师接待了。",
  CHAT_TRANSFER_TARGET_UNAVAILABLE: "这位同事现在不在岗或接待已满，请换一位同事，或转回县中心。",
  CHAT_CENTRE_ONLY: "这次咨询已转给县中心，请由县级老师接待。",
  CHAT_NOT_CLOSED: "对话结束后才能评价哦。",
  CHAT_ALREADY_RATED: "你已经评价过这次对话了，谢谢你！",
  CHAT_NOT_ACTIVE: "这次咨询现在不在进行中，请刷新后再试。",
  CANNED_REPLY_NOT_FOUND: "没有找到这条常用语。",
  AGE_BAND_RAISE_NEEDS_GUARDIAN: "你之前选的是未满 14 岁，年龄段不能自己往大改。请监护人看一看并同意，就能使用全部功能；打电话求助不受影响。",
  ROLE_NOT_ALLOWED: "督导、编辑、审核和专家是县级岗位，只有县心理中心管理员可以授予。你可以授予咨询师或本范围的管理员。",
  DUTY_CHANNEL_NOT_ALLOWED: "你的账号不能在这个岗位值班（县热线只由县级咨询师值班），可以只选在线咨询。",
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
