import { everyInterval, type BackgroundJob } from "../jobs/backgroundJobs";
import { refreshRiskLexicon, riskLexiconPollMs } from "./riskLexiconReloader";

/**
 * Every server polls the active lexicon version id, so an activation on one instance reaches all without
 * restart. Built when the server starts (not at import): jobs/backgroundJobs.ts imports this file back.
 */
export const riskLexiconReloadJob: BackgroundJob = (services) =>
  everyInterval("risk lexicon reload", riskLexiconPollMs, async (jobServices) => {
    await refreshRiskLexicon(jobServices.db, jobServices.log);
  })(services);
