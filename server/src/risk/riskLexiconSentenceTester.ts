import { riskLexiconSchema, type riskLexiconSentenceBody, type RiskSentenceTrialView, type RiskSentenceVerdictView } from "@xinyuan/shared";
import type { z } from "zod";
import { AppError } from "../http/errors";
import { compileRiskLexiconOrRefuse } from "./riskLexiconCompiler";
import { createRiskNormaliser, type RiskAssessment } from "./riskDetector";

const verdictOf = (assessment: RiskAssessment): RiskSentenceVerdictView => ({
  level: assessment.level,
  categories: assessment.categories,
  matches: assessment.matches.map(({ category, level, text }) => ({ category, level, text })),
});

/**
 * A supervisor's typed sentence through a draft lexicon: the whole draft's verdict, and with an entry, that
 * entry's alone inside the draft (same normalisation, negation, cues and ignore phrases, no other entries).
 * Pure: nothing is saved or audited (the sentence is staff text). A draft or entry that does not compile is
 * a 400 naming the problem.
 */
export function riskLexiconSentenceTester(input: z.infer<typeof riskLexiconSentenceBody>): RiskSentenceTrialView {
  const whole = compileRiskLexiconOrRefuse(input.content);
  const parsed = riskLexiconSchema.safeParse(input.content);
  if (!parsed.success) throw new AppError(400, "RISK_LEXICON_INVALID", undefined, { reason: parsed.error.message.slice(0, 400) });
  const entry = input.entry ? compileRiskLexiconOrRefuse({ ...input.content, categories: { [input.entry.category]: [input.entry.entry] } }) : null;
  return {
    normalised: createRiskNormaliser(parsed.data)(input.text),
    whole: verdictOf(whole(input.text)),
    entry: entry ? verdictOf(entry(input.text)) : null,
  };
}
