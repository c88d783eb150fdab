import type { Feature } from "../features/feature";
import { hotlineSocket } from "./hotlineSocket";
import { hotlineJobs } from "./hotlineJobs";
import { hotlineDeletionStep, hotlineExportSection } from "./hotlineUserData";

/** The county hotline: queue socket events, its periodic jobs, and the user's call-backs in export and deletion. */
export const hotlineFeature: Feature = {
  name: "hotline",
  socket: hotlineSocket,
  jobs: [hotlineJobs],
  exportSections: [hotlineExportSection],
  deletionSteps: [hotlineDeletionStep],
};
