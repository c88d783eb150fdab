/**
 * Chinese names of audit actions and of the kinds of record they touch, for the audit log screen. The
 * raw code stays one click away for the centre; an action without a label here is shown by its code, so
 * a new feature's actions are never hidden, only untranslated until added.
 */
export const auditActionLabels: Record<string, string> = {
  "staff.login": "工作人员登录",
  "staff.login.failed": "登录失败",
  "staff.logout": "退出登录",
  "staff.lock": "账号锁定",
  "staff.create": "新建工作人员",
  "staff.update": "修改工作人员",
  "staff.read": "查看工作人员",
  "staff.enable": "启用账号",
  "staff.disable": "停用账号",
  "staff.password.change": "修改密码",
  "staff.password.change.failed": "修改密码失败",
  "staff.password.reset": "重置密码",
  "staff.totp.setup": "开始设置两步验证",
  "staff.totp.enrol": "启用两步验证",
  "staff.totp.reset": "重置两步验证",
  "user.login": "小程序用户登录",
  "user.consent.give": "用户同意授权",
  "user.profile.update": "用户修改资料",
  "user.export": "用户导出数据",
  "user.delete": "用户注销账号",
  "area.create": "新建片区",
  "area.update": "修改片区",
  "school.create": "新建学校",
  "school.update": "修改学校",
  "settings.update": "修改系统设置",
  "audit.search": "查询审计日志",
  "duty.on": "上岗",
  "duty.off": "下岗",
  "roster.shift.create": "新增班次",
  "roster.shift.delete": "删除班次",
  "roster.week.copy": "复制一周排班",
  "roster.holiday.put": "设置节假日",
  "roster.holiday.delete": "删除节假日",
  "roster.leave.create": "登记请假",
  "roster.leave.delete": "撤销请假",
  "contact.record": "填写服务记录",
  "contact.history.read": "查看来访历史",
  "contact_category.create": "新增问题分类",
  "contact_category.update": "修改问题分类",
  "hotline.join": "热线排队",
  "hotline.claim": "接起来电",
  "hotline.claim.stale_return": "长时间未处理的来电退回队列",
  "hotline.release": "放回队列",
  "hotline.transfer": "转接来电",
  "hotline.priority": "调整来电优先级",
  "hotline.attempt": "回拨尝试",
  "hotline.missed": "回拨未接通",
  "hotline.complete": "结束来电",
  "hotline.cancel": "取消排队",
  "callback.phone.reveal": "查看回拨号码",
  "chat.end": "结束咨询",
  "chat.transfer": "转接咨询",
  "chat.history.read": "查看咨询记录",
  "chat.history.list": "查看以往咨询列表",
  "chat.supervise.watch": "督导旁听",
  "chat.supervise.read": "督导查看记录",
  "chat.supervise.takeover": "督导接手",
  "chat.reply.create": "新增常用回复",
  "chat.reply.update": "修改常用回复",
  "chat.reply.delete": "删除常用回复",
  "statistics.export": "导出统计报表",
  "upload.create": "上传图片或视频",
  "activity_report.create": "上报宣传月活动",
  "activity_report.photo.read": "查看活动上报照片",
};

export const auditTargetTypeLabels: Record<string, string> = {
  staff: "工作人员",
  app_user: "小程序用户",
  user: "小程序用户",
  conversation: "在线咨询",
  hotline_ticket: "热线来电",
  hotline_shift: "班次",
  hotline_roster: "值班表",
  school: "学校",
  area: "片区",
  settings: "系统设置",
  contact_category: "问题分类",
  chat_canned_reply: "常用回复",
  upload: "上传文件",
  activity_report: "活动上报",
};

/** The Chinese name of an action, or its code when none is known yet. */
export function auditActionLabel(action: string): string {
  return auditActionLabels[action] ?? action;
}

export function auditTargetTypeLabel(targetType: string): string {
  return auditTargetTypeLabels[targetType] ?? targetType;
}
