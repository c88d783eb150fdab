import { eq } from "drizzle-orm";
import { higherRiskLevel, riskLevelRank, type RiskLevel, type RiskSignalCategory } from "@xinyuan/shared";
import { letters } from "../db/schema";
import type { DbOrTx } from "../db/database";
import type { Services } from "../services";
import { detectRisk, type RiskAssessment } from "../risk/riskDetector";
import { raiseAlert } from "../alerts/alertRaiser";
import type { LetterRow } from "./lettersPolicy";

/**
 * Runs the risk detector on a writer's words (a letter or a reply), inside the transaction that stores
 * them. A hit marks the letter urgent (it sorts first in every inbox), raises its level (never lowers it)
 * and raises a durable alert for supervisors, idempotent per (letter, level).
 */
export async function letterRiskMarker(props: { tx: DbOrTx; services: Services; letter: LetterRow; text: string }): Promise<RiskAssessment> {
  const { tx, services, letter } = props;
  const assessment = detectRisk(props.text);
  if (assessment.level === "none") return assessment;
  const level = higherRiskLevel(letter.riskLevel as RiskLevel, assessment.level);
  const categories = [...new Set([...(letter.riskCategories as RiskSignalCategory[]), ...assessment.categories])];
  await tx.update(letters).set({ urgent: true, riskLevel: level, riskCategories: categories }).where(eq(letters.id, letter.id));
  if (riskLevelRank[assessment.level] > 0) {
    await raiseAlert({ tx, services, source: { kind: "letter", id: letter.id }, level: assessment.level, categories: assessment.categories, subjectAlias: letter.alias, userId: letter.userId });
  }
  return assessment;
}
