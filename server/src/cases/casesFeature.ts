import type { Feature } from "../features/feature";
import { casesJobs } from "./casesJobs";
import { casesDeletionStep, casesExportSection } from "./casesUserData";

/** Crisis cases: the ownership and follow-up clocks, the export section and the deletion step. */
export const casesFeature: Feature = {
  name: "cases",
  jobs: [casesJobs],
  exportSections: [casesExportSection],
  deletionSteps: [casesDeletionStep],
};
