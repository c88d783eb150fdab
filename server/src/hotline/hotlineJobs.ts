import { everyInterval, type BackgroundJob } from "../jobs/backgroundJobs";
import { staleClaimReturner } from "./staleClaimReturner";
import { missedWindowMarker } from "./missedWindowMarker";

/**
 * The hotline's periodic jobs: return stale claims every 30 s, mark missed call-back windows every
 * minute. Both are safe with several server processes (row locks with SKIP LOCKED). Built when the
 * server starts (not at import), so the import cycle with jobs/backgroundJobs.ts stays harmless.
 */
export const hotlineJobs: BackgroundJob = (services) => {
  const stops = [
    everyInterval("hotline-stale-claims", 30_000, async (s) => {
      await staleClaimReturner(s);
    })(services),
    everyInterval("hotline-missed-windows", 60_000, async (s) => {
      await missedWindowMarker(s);
    })(services),
  ];
  return () => {
    for (const stop of stops) stop();
  };
};
