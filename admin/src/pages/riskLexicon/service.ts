import {
  apiRoutes,
  type RiskFeedbackDetailView,
  type RiskFeedbackResolution,
  type RiskFeedbackView,
  type RiskLevel,
  type RiskLexicon,
  type RiskLexiconTrialView,
  type RiskLexiconVersionDetailView,
  type RiskLexiconVersionView,
  type RiskLexiconEntry,
  type RiskSentenceTrialView,
  type RiskSignalCategory,
} from "@xinyuan/shared";
import { call } from "../../request";

export function listVersions(): Promise<RiskLexiconVersionView[]> {
  return call(apiRoutes.listRiskLexiconVersions, { policy: "silent" });
}

export function getVersion(id: string): Promise<RiskLexiconVersionDetailView> {
  return call(apiRoutes.getRiskLexiconVersion, { params: { id }, policy: "silent" });
}

/** 试运行: before/after figures on the corpus; nothing is saved. A lexicon that does not compile is a 400 shown in place. */
export function trialLexicon(content: RiskLexicon): Promise<RiskLexiconTrialView> {
  return call(apiRoutes.trialRiskLexicon, { body: { content }, policy: "silent" });
}

/** One typed sentence through the draft, and through one entry of it alone; nothing is saved. */
export function trialSentence(body: { content: RiskLexicon; text: string; entry?: { category: RiskSignalCategory; entry: RiskLexiconEntry } }): Promise<RiskSentenceTrialView> {
  return call(apiRoutes.trialRiskLexiconSentence, { body, policy: "silent" });
}

export function saveVersion(body: { content: RiskLexicon; note: string; basedOnId?: string }): Promise<RiskLexiconVersionView> {
  return call(apiRoutes.saveRiskLexiconVersion, { body, policy: "notification" });
}

/** 重新训练: the model learns again from the shipped rows and every corpus row made from feedback; saved as a new version, not active. */
export function retrainModel(): Promise<RiskLexiconVersionView> {
  return call(apiRoutes.retrainRiskModel, { policy: "notification" });
}

export function activateVersion(id: string): Promise<RiskLexiconVersionView> {
  return call(apiRoutes.activateRiskLexiconVersion, { params: { id }, policy: "notification" });
}

export function listFeedback(): Promise<RiskFeedbackView[]> {
  return call(apiRoutes.listRiskFeedback, { policy: "silent" });
}

/** Opens one item with the student's words; the server audits the read. */
export function getFeedback(id: string): Promise<RiskFeedbackDetailView> {
  return call(apiRoutes.getRiskFeedback, { params: { id }, policy: "notification" });
}

export function resolveFeedback(id: string, body: { resolution: RiskFeedbackResolution; categories: RiskSignalCategory[]; level: RiskLevel }): Promise<RiskFeedbackView> {
  return call(apiRoutes.resolveRiskFeedback, { params: { id }, body, policy: "notification" });
}
