import { ageBandLabels, guardianRelationLabels, userRoleLabels, type MeView, type UserExportView } from "@xinyuan/shared";
import type { ExportSection } from "./exportSections";
import { exportTime, labelOf, noRecordsLine } from "./exportText";

const consentKindLabels: Record<string, string> = { privacy: "隐私政策", sensitive: "敏感个人信息处理", guardian: "监护人同意" };

/** What the readable export says it holds, so nobody is told chats are missing when they are not. */
export const readableExportIntro = [
  "这是心援为你保存的全部个人数据，只有你本人能导出。",
  "包括：账号与资料、同意记录、聊天记录（你和老师双方的每一句话）、热线回电、信件及老师的回复、预约、活动报名、安全跟进记录、账号操作记录。",
  "老师的专业评估和内部记录不在其中；如需查阅，请联系县心理健康教育中心。",
  "时间均为北京时间。",
];

function meLines(me: MeView): string[] {
  return [
    `昵称：${me.alias}`,
    `身份：${labelOf(userRoleLabels, me.role, "未填写")}`,
    `年龄段：${labelOf(ageBandLabels, me.ageBand, "未填写")}`,
    `学校：${me.school?.name ?? "未填写"}`,
    `开始使用时间：${exportTime(me.createdAt)}`,
  ];
}

function consentLines(consents: UserExportView["consents"]): string[] {
  return consents.map((consent) => {
    const guardian = consent.guardianRelation ? `，监护人：${labelOf(guardianRelationLabels, consent.guardianRelation)}${consent.guardianName ? ` ${consent.guardianName}` : ""}` : "";
    const how = consent.method === "invitation" ? "，监护人在自己的微信里确认" : consent.method === "typed" ? "，在孩子的手机上填写姓名确认" : "";
    return `${exportTime(consent.givenAt)}  同意《${labelOf(consentKindLabels, consent.kind)}》（${consent.version} 版）${guardian}${how}`;
  });
}

function block(title: string, lines: string[]): string {
  return [`【${title}】`, ...(lines.length > 0 ? lines : [noRecordsLine])].join("\n");
}

/**
 * The readable Chinese rendering of the export (beside the JSON): an introduction saying truthfully what it
 * holds, then 账号与资料, 同意记录 and every registered section under its Chinese heading, in county time.
 */
export function renderReadableExport(props: { exportedAt: string; me: MeView; consents: UserExportView["consents"]; sections: ReadonlyArray<{ section: ExportSection; data: unknown }> }): string {
  const { exportedAt, me, consents, sections } = props;
  return [
    `心援 · 我的数据\n导出时间：${exportTime(exportedAt)}\n\n${readableExportIntro.join("\n")}`,
    block("账号与资料", meLines(me)),
    block("同意记录", consentLines(consents)),
    ...sections.map(({ section, data }) => block(section.title, section.render(data))),
  ].join("\n\n");
}
