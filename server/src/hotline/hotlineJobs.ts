import { everyInterval, type BackgroundJob } from "../jobs/backgroundJobs";
import { staleClaimReturner } from "./staleClaimReturner";
import { missedWindowMarker } from "./missedWindowMarker";
import { readyTicketAnnouncer } from "./readyTicketAnnouncer";

/**
 * The hotline's periodic jobs: return stale claims every 30 s, mark missed call-back windows every
 * minute, and every 30 s announce callers whose booked window or retry time came. All are safe with
 * several server processes (row locks with SKIP LOCKED). Listed in hotlineFeature, started by startServer.
 */
export const hotlineJobs: BackgroundJob = (services) => {
  let readySince = services.clock.now();
  const stops = [
    everyInterval("hotline-ready-announcer", 30_000, async (s) => {
      const now = s.clock.now();
      await readyTicketAnnouncer(s, readySince);
      readySince = now;
    })(services),
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
