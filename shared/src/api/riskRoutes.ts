import { defineRoute } from "./contract";
import { giveRiskFeedbackBody, resolveRiskFeedbackBody, riskLexiconDraftBody, riskLexiconSentenceBody, saveRiskLexiconBody } from "../risk";

const lexiconEditors = ["supervisor", "centre_admin"] as const;

/**
 * The risk lexicon as versioned data: supervisors and county centre admins list versions, try an edit on
 * the corpus (试运行), save it as a new version and activate a version that passes the gate. Nothing is
 * ever edited in place or deleted.
 */
export const riskRoutes = {
  /** RiskLexiconVersionView[], newest first */
  listRiskLexiconVersions: defineRoute({ method: "get", path: "/risk-lexicon/versions", summary: "风险词库版本列表", tag: "risk", audience: "staff", roles: lexiconEditors }),
  /** RiskLexiconVersionDetailView */
  getRiskLexiconVersion: defineRoute({ method: "get", path: "/risk-lexicon/versions/:id", summary: "风险词库版本内容", tag: "risk", audience: "staff", roles: lexiconEditors }),
  /** RiskLexiconTrialView */
  trialRiskLexicon: defineRoute({ method: "post", path: "/risk-lexicon/trial", summary: "试运行：在语料上比较当前版本与修改后的词库", tag: "risk", audience: "staff", roles: lexiconEditors, body: riskLexiconDraftBody }),
  /** RiskSentenceTrialView: one typed sentence through the draft (and one entry of it); nothing saved */
  trialRiskLexiconSentence: defineRoute({ method: "post", path: "/risk-lexicon/trial-sentence", summary: "用一句话测试词库条目", tag: "risk", audience: "staff", roles: lexiconEditors, body: riskLexiconSentenceBody }),
  /** RiskLexiconVersionView (201) */
  saveRiskLexiconVersion: defineRoute({ method: "post", path: "/risk-lexicon/versions", summary: "保存为新的词库版本（不启用）", tag: "risk", audience: "staff", roles: lexiconEditors, body: saveRiskLexiconBody }),
  /** RiskLexiconVersionView (201): the active lexicon with a model trained again on the corpus, feedback rows included; not active */
  retrainRiskModel: defineRoute({ method: "post", path: "/risk-lexicon/retrain", summary: "重新训练模型（含咨询师反馈语料，保存为新版本，不启用）", tag: "risk", audience: "staff", roles: lexiconEditors }),
  /** RiskLexiconVersionView */
  activateRiskLexiconVersion: defineRoute({ method: "post", path: "/risk-lexicon/versions/:id/activate", summary: "启用词库版本（须通过语料门槛）", tag: "risk", audience: "staff", roles: lexiconEditors }),
  /** RiskFeedbackView (201; 200 when the same person already gave the same feedback) */
  giveRiskFeedback: defineRoute({ method: "post", path: "/risk-feedback", summary: "标记为风险 / 误报", tag: "risk", audience: "staff", roles: ["counsellor", "supervisor"], body: giveRiskFeedbackBody }),
  /** RiskFeedbackView[]: open items first, without the message text */
  listRiskFeedback: defineRoute({ method: "get", path: "/risk-feedback", summary: "风险反馈复核队列", tag: "risk", audience: "staff", roles: lexiconEditors }),
  /** RiskFeedbackDetailView: the message text, each read audited */
  getRiskFeedback: defineRoute({ method: "get", path: "/risk-feedback/:id", summary: "查看一条风险反馈（含原文，记入审计）", tag: "risk", audience: "staff", roles: lexiconEditors }),
  /** RiskFeedbackView */
  resolveRiskFeedback: defineRoute({ method: "post", path: "/risk-feedback/:id/resolve", summary: "处理风险反馈：加入语料 / 已改词库 / 不处理", tag: "risk", audience: "staff", roles: lexiconEditors, body: resolveRiskFeedbackBody }),
} as const;
