import { AppError } from "../http/errors";
import { createRiskDetector, type RiskDetector } from "./riskDetector";

/**
 * Compiles lexicon data (and the learned model kept with it, if any) for a supervisor's edit: a schema
 * error or a pattern that does not compile is a 400 naming the problem (the supervisor fixes it), never a
 * server error.
 */
export function compileRiskLexiconOrRefuse(content: unknown, model?: unknown): RiskDetector {
  try {
    return createRiskDetector(content, model);
  } catch (error) {
    const reason = error instanceof Error ? error.message.slice(0, 400) : String(error);
    throw new AppError(400, "RISK_LEXICON_INVALID", undefined, { reason });
  }
}
