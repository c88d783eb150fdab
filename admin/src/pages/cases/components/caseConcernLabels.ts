import { riskLevelLabels, riskSignalCategoryLabels, type CaseConcernView, type RiskTextSource } from "@xinyuan/shared";

/** What an item under 引发关注的内容 is, in plain words (the text itself is never part of the list). */
export function concernKindLabel(source: RiskTextSource): string {
  if (source.kind === "chat_message") return "聊天中学生的一句话";
  if (source.kind === "callback_topic") return "预约回拨时留下的主题";
  return source.seq === 0 ? "来信" : "来信后的追加留言";
}

/** The detector's verdict and who flagged it: "高风险 · 自杀" or "系统未识别 · 咨询师标记为风险". */
export function concernVerdictLabel(item: Pick<CaseConcernView, "detectedLevel" | "detectedCategories" | "flaggedBy">): string {
  const categories = item.detectedCategories.map((category) => riskSignalCategoryLabels[category]).join("、");
  if (item.flaggedBy === "counsellor") return "系统未识别 · 咨询师标记为风险";
  return categories ? `${riskLevelLabels[item.detectedLevel]} · ${categories}` : riskLevelLabels[item.detectedLevel];
}

/** One stable key per item (React list key and the opened-text map). */
export function concernKey(source: RiskTextSource): string {
  if (source.kind === "chat_message") return `chat:${source.conversationId}:${source.seq}`;
  if (source.kind === "letter_message") return `letter:${source.letterId}:${source.seq}`;
  return `topic:${source.ticketId}`;
}
