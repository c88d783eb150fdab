import { everyInterval, type BackgroundJob } from "../jobs/backgroundJobs";
import { ownerlessCaseEscalator } from "./ownerlessCaseEscalator";
import { overdueFollowUpEscalator } from "./overdueFollowUpEscalator";
import { keyPeriodReminder } from "./keyPeriodReminder";

/**
 * The cases' clocks: the 危机 ownership clock every 30 s (an escalation comes at most 30 s after the five
 * minutes), overdue follow-ups and key-period reminders every 10 minutes. Each is safe with several server
 * processes (SKIP LOCKED claims, or a primary key that lets one insert win). Built when the server starts,
 * not at import, so the import cycle with jobs/backgroundJobs.ts stays harmless.
 */
export const casesJobs: BackgroundJob = (services) => {
  const stops = [
    everyInterval("cases-ownerless", 30_000, async (s) => {
      await ownerlessCaseEscalator(s);
    })(services),
    everyInterval("cases-follow-ups", 600_000, async (s) => {
      await overdueFollowUpEscalator(s);
      await keyPeriodReminder(s);
    })(services),
  ];
  return () => {
    for (const stop of stops) stop();
  };
};
