import { alertSourceLabels, riskLevelLabels, type AlertSourceKind, type RiskLevel } from "@xinyuan/shared";

export interface AlertWebhookFacts {
  alertId: string;
  level: RiskLevel;
  sourceKind: AlertSourceKind;
  subjectAlias: string;
  minutesWaiting: number;
  nobodyOnDuty: boolean;
}

/**
 * The WeCom (企业微信) group-robot message: alias, level, channel, minutes waiting and a link into the
 * admin. Never the student's words, never an identity (the group is outside the platform).
 */
export function alertWebhookMessage(facts: AlertWebhookFacts, adminUrl: string | undefined): { msgtype: "markdown"; markdown: { content: string } } {
  const colour = facts.level === "imminent" || facts.level === "high" ? "warning" : "comment";
  const lines = [
    `**心援风险预警：${facts.nobodyOnDuty ? "当前无人值班，" : ""}已 ${facts.minutesWaiting} 分钟无人确认**`,
    `> 风险等级：<font color="${colour}">${riskLevelLabels[facts.level]}</font>`,
    `> 来源：${alertSourceLabels[facts.sourceKind]}`,
    `> 化名：${facts.subjectAlias}`,
    ...(facts.nobodyOnDuty ? [`> <font color="warning">现在没有老师或督导在岗，请尽快安排人员上线处理</font>`] : []),
    adminUrl ? `[打开预警并确认](${adminUrl}/alerts?focus=${facts.alertId})` : "请登录心援管理后台的「风险预警」确认处理。",
  ];
  return { msgtype: "markdown", markdown: { content: lines.join("\n") } };
}

/** Posts to the webhook; true only for HTTP 2xx with WeCom's errcode 0 (or no errcode). */
export async function postAlertWebhook(url: string, body: unknown, timeoutMs = 5000): Promise<{ ok: boolean; status: number }> {
  try {
    const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body), signal: AbortSignal.timeout(timeoutMs) });
    const text = await response.text();
    let errcode = 0;
    try {
      const parsed = JSON.parse(text) as { errcode?: unknown };
      if (typeof parsed.errcode === "number") errcode = parsed.errcode;
    } catch {
      // a plain-text 2xx counts as delivered
    }
    return { ok: response.ok && errcode === 0, status: response.status };
  } catch {
    return { ok: false, status: 0 };
  }
}
