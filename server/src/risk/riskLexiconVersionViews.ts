import { desc, eq } from "drizzle-orm";
import type { RiskLexicon, RiskLexiconEvaluationView, RiskLexiconVersionDetailView, RiskLexiconVersionView } from "@xinyuan/shared";
import type { DbOrTx } from "../db/database";
import { riskLexiconVersions, staff } from "../db/schema";

type VersionRow = typeof riskLexiconVersions.$inferSelect;

/** A version as the admin sees it: the author's display name, never more about them. */
export function presentRiskLexiconVersion(row: VersionRow, authorName: string | null): RiskLexiconVersionView {
  return {
    id: row.id,
    number: row.number,
    label: row.label,
    note: row.note,
    authorName,
    basedOnId: row.basedOnId,
    createdAt: row.createdAt.toISOString(),
    isActive: row.isActive,
    activatedAt: row.activatedAt?.toISOString() ?? null,
    evaluation: row.evaluation as RiskLexiconEvaluationView,
  };
}

const columns = { version: riskLexiconVersions, authorName: staff.displayName };

/** Every version, newest first (a handful a year; no paging needed). */
export async function listRiskLexiconVersions(db: DbOrTx): Promise<RiskLexiconVersionView[]> {
  const rows = await db.select(columns).from(riskLexiconVersions).leftJoin(staff, eq(staff.id, riskLexiconVersions.authorId)).orderBy(desc(riskLexiconVersions.number));
  return rows.map((row) => presentRiskLexiconVersion(row.version, row.authorName));
}

export async function findRiskLexiconVersion(db: DbOrTx, id: string): Promise<RiskLexiconVersionDetailView | null> {
  const [row] = await db.select(columns).from(riskLexiconVersions).leftJoin(staff, eq(staff.id, riskLexiconVersions.authorId)).where(eq(riskLexiconVersions.id, id)).limit(1);
  return row ? { ...presentRiskLexiconVersion(row.version, row.authorName), content: row.version.content as RiskLexicon } : null;
}

export async function activeRiskLexiconVersion(db: DbOrTx): Promise<VersionRow | null> {
  const [row] = await db.select().from(riskLexiconVersions).where(eq(riskLexiconVersions.isActive, true)).limit(1);
  return row ?? null;
}
