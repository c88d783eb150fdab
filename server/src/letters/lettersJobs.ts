import { everyInterval, type BackgroundJob } from "../jobs/backgroundJobs";
import { letterDueReminder, letterEscalator } from "./letterEscalator";

/** Every LETTERS_JOB_INTERVAL_MS: remind boxes of letters due within a day, escalate overdue ones. */
export const lettersJob: BackgroundJob = (services) =>
  everyInterval("letters-due", services.config.letters.jobIntervalMs, async (s) => {
    await letterDueReminder(s);
    await letterEscalator(s);
  })(services);
