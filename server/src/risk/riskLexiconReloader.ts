import { eq } from "drizzle-orm";
import type { DbOrTx } from "../db/database";
import { riskLexiconVersions } from "../db/schema";
import type { Logger } from "../logger";
import { activeRiskLexicon, createRiskDetector, useRiskDetector } from "./riskDetector";
import { activeRiskLexiconVersion } from "./riskLexiconVersionViews";

/** How often each server reads which version is active (one indexed row); a new version is live within it. */
export const riskLexiconPollMs = 2_000;

/**
 * Loads the database's active version (lexicon and learned model) into this process when it differs from the one in use. The new
 * detector is compiled before the swap, so detectRisk never sees a half-built lexicon; a version that
 * fails to compile (it passed when saved, so only after a code change) is logged and the old one kept.
 */
export async function refreshRiskLexicon(db: DbOrTx, log?: Logger): Promise<boolean> {
  const [active] = await db.select({ id: riskLexiconVersions.id }).from(riskLexiconVersions).where(eq(riskLexiconVersions.isActive, true)).limit(1);
  if (!active || active.id === activeRiskLexicon().id) return false;
  const row = await activeRiskLexiconVersion(db);
  if (!row) return false;
  try {
    useRiskDetector(createRiskDetector(row.content, row.model), { id: row.id, version: row.label });
  } catch (error) {
    log?.error({ err: error, versionId: row.id }, "risk lexicon version does not compile; keeping the one in use");
    return false;
  }
  log?.info({ versionId: row.id, number: row.number, label: row.label }, "risk lexicon version loaded");
  return true;
}
