import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { RiskFeedbackView } from "@xinyuan/shared";
import { resolveRiskFeedbackBody } from "@xinyuan/shared";
import type { z } from "zod";
import type { DbOrTx } from "../db/database";
import { riskCorpusRows, riskFeedback } from "../db/schema";
import type { Services } from "../services";
import type { StaffActor } from "../auth/actor";
import { AppError } from "../http/errors";
import { recordAudit, type AuditOrigin } from "../audit/recordAudit";
import { findRiskFeedback, presentRiskFeedback } from "./riskFeedbackViews";
import { sealed } from "../crypto/sealedColumns";

/**
 * A supervisor settles one feedback item: as a corpus row (the message's ciphertext copied with the label
 * the supervisor gives, so every later lexicon version is measured on it), as "lexicon edited" (they made
 * the entry in the lexicon editor), or dismissed. Once only: a second resolve is refused.
 */
export async function riskFeedbackResolver(props: {
  tx: DbOrTx;
  services: Pick<Services, "clock" | "cipher">;
  actor: StaffActor;
  origin: AuditOrigin;
  feedbackId: string;
  input: z.infer<typeof resolveRiskFeedbackBody>;
}): Promise<RiskFeedbackView> {
  const { tx, services, actor, origin, feedbackId, input } = props;
  const found = await findRiskFeedback(tx, feedbackId);
  if (!found) throw new AppError(404, "RISK_FEEDBACK_NOT_FOUND");
  const [updated] = await tx
    .update(riskFeedback)
    .set({ status: "resolved", resolution: input.resolution, resolvedBy: actor.id, resolvedAt: services.clock.now() })
    .where(and(eq(riskFeedback.id, feedbackId), eq(riskFeedback.status, "open")))
    .returning();
  if (!updated) throw new AppError(409, "RISK_FEEDBACK_RESOLVED");
  let corpusRowId: string | null = null;
  if (input.resolution === "corpus_row") {
    const level = input.categories.length ? (input.level === "none" ? "medium" : input.level) : "none";
    const id = randomUUID();
    const text = services.cipher.decrypt(found.row.textEnc, sealed.riskFeedbackText.at(found.row));
    const [row] = await tx
      .insert(riskCorpusRows)
      .values({ id, textEnc: services.cipher.encrypt(text, sealed.riskCorpusText.at({ id })), categories: input.categories, level, feedbackId, addedBy: actor.id })
      .returning({ id: riskCorpusRows.id });
    corpusRowId = row!.id;
  }
  await recordAudit(tx, origin, {
    action: "risk_feedback.resolve",
    targetType: "risk_feedback",
    targetId: feedbackId,
    detail: { resolution: input.resolution, corpusRowId, categories: input.categories },
  });
  return presentRiskFeedback(updated, found.staffName);
}
