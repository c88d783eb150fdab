import type { Feature } from "../features/feature";
import { lettersJob } from "./lettersJobs";
import { lettersDeletionStep, lettersExportSection } from "./lettersUserData";

/** What the mailbox feature plugs into the process: its due/escalation job, export section and deletion step. */
export const lettersFeature: Feature = {
  name: "letters",
  jobs: [lettersJob],
  exportSections: [lettersExportSection],
  deletionSteps: [lettersDeletionStep],
};
