import { AppError } from "../http/errors";
import { createRiskDetector, type RiskDetector } from "./riskDetector";

/**
 * Compiles lexicon data for a supervisor's edit: a schema error or a pattern that does not compile is a
 * 400 naming the problem (the supervisor fixes it), never a server error.
 */
export function compileRiskLexiconOrRefuse(content: unknown): RiskDetector {
  try {
    return createRiskDetector(content);
  } catch (error) {
    const reason = error instanceof Error ? error.message.slice(0, 400) : String(error);
    throw new AppError(400, "RISK_LEXICON_INVALID", undefined, { reason });
  }
}
