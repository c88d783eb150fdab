/**
 * Automatic risk signals (chat now; letters and calls reuse the detector). Levels are the contact
 * record's levels (./contacts.ts), so detection and the counsellor's judgement speak the same scale.
 */
import { riskLevelRank, type RiskLevel } from "./contacts";

/** What automatic detection looks for. Categories are keys of the server's lexicon data. */
export const riskSignalCategories = ["suicide", "self_harm", "abuse", "violence"] as const;
export type RiskSignalCategory = (typeof riskSignalCategories)[number];

export const riskSignalCategoryLabels: Record<RiskSignalCategory, string> = { suicide: "自杀风险", self_harm: "自伤", abuse: "受虐/侵害", violence: "暴力" };

/** The higher of two levels: a conversation's level only ever rises automatically. */
export function higherRiskLevel(a: RiskLevel, b: RiskLevel): RiskLevel {
  return riskLevelRank[a] >= riskLevelRank[b] ? a : b;
}
