import { asc, desc, eq } from "drizzle-orm";
import type { RiskFeedbackView, RiskFeedbackResolution, RiskFeedbackSourceKind, RiskLevel, RiskSignalCategory, StoredRiskSignalCategory } from "@xinyuan/shared";
import type { DbOrTx } from "../db/database";
import { riskFeedback, staff } from "../db/schema";

type FeedbackRow = typeof riskFeedback.$inferSelect;

/** A queue item: who gave it (display name) and what was detected; never the text. */
export function presentRiskFeedback(row: FeedbackRow, staffName: string): RiskFeedbackView {
  return {
    id: row.id,
    kind: row.kind as RiskFeedbackView["kind"],
    sourceKind: row.sourceKind as RiskFeedbackSourceKind,
    sourceId: row.sourceId,
    detectedLevel: row.detectedLevel as RiskLevel,
    detectedCategories: row.detectedCategories as StoredRiskSignalCategory[],
    suggestedCategories: row.suggestedCategories as RiskSignalCategory[],
    comment: row.comment,
    staffName,
    status: row.status === "resolved" ? "resolved" : "open",
    resolution: (row.resolution as RiskFeedbackResolution | null) ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The review queue: open items oldest first, then the latest resolved ones. */
export async function listRiskFeedback(db: DbOrTx): Promise<RiskFeedbackView[]> {
  const rows = await db
    .select({ feedback: riskFeedback, staffName: staff.displayName })
    .from(riskFeedback)
    .innerJoin(staff, eq(staff.id, riskFeedback.staffId))
    .orderBy(desc(eq(riskFeedback.status, "open")), asc(riskFeedback.createdAt))
    .limit(500);
  return rows.map((row) => presentRiskFeedback(row.feedback, row.staffName));
}

export async function findRiskFeedback(db: DbOrTx, id: string): Promise<{ row: FeedbackRow; staffName: string } | null> {
  const [found] = await db.select({ row: riskFeedback, staffName: staff.displayName }).from(riskFeedback).innerJoin(staff, eq(staff.id, riskFeedback.staffId)).where(eq(riskFeedback.id, id)).limit(1);
  return found ?? null;
}
