import { eq } from "drizzle-orm";
import type { DbOrTx } from "../db/database";
import { riskLexiconVersions } from "../db/schema";
import { createRiskDetector, shippedRiskLexicon, shippedRiskModel } from "./riskDetector";
import { evaluateRiskLexicon, riskGateCorpus } from "./riskLexiconEvaluator";
import { lockRiskLexicon, nextRiskLexiconNumber } from "./riskLexiconSaver";
import { activeRiskLexiconVersion } from "./riskLexiconVersionViews";

/**
 * Seeds the database from the shipped lexicon and model files at start-up: a pair not yet stored (seed
 * label "lexicon version+model version") becomes a new version (author null). It is activated when nothing is active, or when the active version is an
 * older seed; a version a supervisor activated is never replaced by a deploy (they see the new seed in
 * the list and may activate it). Safe with several servers starting together (advisory lock).
 */
export async function riskLexiconSeeder(db: DbOrTx): Promise<void> {
  const content = shippedRiskLexicon as Record<string, unknown> & { version: string };
  const model = shippedRiskModel as (Record<string, unknown> & { version: string }) | null;
  const seedLabel = model ? `${content.version}+${model.version}` : content.version;
  await db.transaction(async (tx) => {
    await lockRiskLexicon(tx);
    let [seed] = await tx.select().from(riskLexiconVersions).where(eq(riskLexiconVersions.seedLabel, seedLabel)).limit(1);
    if (!seed) {
      const evaluation = evaluateRiskLexicon(createRiskDetector(content, model), await riskGateCorpus(tx, null));
      const number = await nextRiskLexiconNumber(tx);
      [seed] = await tx
        .insert(riskLexiconVersions)
        .values({ number, label: content.version, content, model, note: model ? "随程序发布的词库和模型" : "随程序发布的词库", seedLabel, evaluation })
        .returning();
    }
    const active = await activeRiskLexiconVersion(tx);
    if (active && (active.authorId !== null || active.id === seed!.id)) return;
    if (active) await tx.update(riskLexiconVersions).set({ isActive: false }).where(eq(riskLexiconVersions.id, active.id));
    await tx.update(riskLexiconVersions).set({ isActive: true, activatedAt: new Date() }).where(eq(riskLexiconVersions.id, seed!.id));
  });
}
