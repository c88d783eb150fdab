import type { Feature } from "../features/feature";
import { publishingJobs } from "./publishingJobs";
import { publishingDeletionStep, publishingExportSection } from "./publishingUserData";

/** Content publishing and campaigns (宣传月). */
export const publishingFeature: Feature = {
  name: "publishing",
  jobs: [publishingJobs],
  exportSections: [publishingExportSection],
  deletionSteps: [publishingDeletionStep],
};
