import type { BackgroundJob } from "../jobs/backgroundJobs";
import { everyInterval } from "../jobs/backgroundJobs";
import { countyClockOf } from "../countyTime";
import { retentionEraser } from "./retentionRuns";

/** From 03:00 county time (quiet hours), the first check of the day runs the erasing pass; the day claim keeps it to one process. */
export const retentionStartClock = "03:00";

export const retentionJobs: BackgroundJob = everyInterval("retention", 15 * 60_000, async (current) => {
    if (countyClockOf(current.clock.now()) < retentionStartClock) return;
    const result = await retentionEraser({ services: current });
    if (result.ran) current.log.info({ counts: result.counts }, "retention run");
});
