import type { StaffRole } from "@xinyuan/shared";

/**
 * One plain sentence per role: what the role does here. A role whose work has no screen yet says so
 * honestly (what it will do, and that nothing waits for it now), without advertising a date.
 */
export const roleDuties: Record<StaffRole, string> = {
  counsellor: "上岗后接待热线来电和在线咨询，回复学校信箱的来信，为每一次服务填写记录；发现危险时及时告诉督导。",
  supervisor: "查看热线看板和进行中的咨询，处理风险提醒和危机个案，必要时接手咨询。",
  centre_admin: "管理工作人员、片区与学校、值班表和平台设置，查看审计日志。",
  editor: "撰写心理健康文章、通知和活动，提交审核后发布到小程序。",
  reviewer: "审核编辑提交的内容，按安全报道要求把关后发布或退回修改。",
  expert: "专家预约开通后，你会在这里发布可预约的时段、查看预约和填写服务记录；现在还没有需要你处理的事情。",
};
