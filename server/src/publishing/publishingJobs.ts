import { everyInterval, type BackgroundJob } from "../jobs/backgroundJobs";
import { scheduledPublisher } from "./scheduledPublisher";
import { startPublishingListener } from "./publishingListener";
import { unattachedPhotoSweeper } from "./unattachedPhotoSweeper";

/**
 * Scheduled items go out within 15 s of their minute; the listener keeps this process's cache honest;
 * report photos never attached to a report are erased hourly (unattachedPhotoSweeper).
 * everyInterval is called when the server starts (not at import), so the import cycle with
 * jobs/backgroundJobs.ts stays harmless.
 */
export const publishingJobs: BackgroundJob = (services) => {
  const stops = [
    everyInterval("publishing-scheduled", 15_000, async (running) => {
      await scheduledPublisher({ services: running });
    })(services),
    everyInterval("publishing-unattached-photos", 3_600_000, async (running) => {
      await unattachedPhotoSweeper({ services: running });
    })(services),
    startPublishingListener(services),
  ];
  return () => stops.forEach((stop) => stop());
};
