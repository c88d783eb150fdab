import type { Feature } from "../features/feature";
import { chatSocket } from "./chatSocket";
import { chatMaintenanceJob } from "./chatMaintenance";
import { chatDeletionStep, chatExportSection } from "./chatUserData";

/** Chat: the student's and counsellor's socket events, idle/orphan maintenance, and the user's chats in export and deletion. */
export const chatFeature: Feature = {
  name: "chat",
  socket: chatSocket,
  jobs: [chatMaintenanceJob],
  exportSections: [chatExportSection],
  deletionSteps: [chatDeletionStep],
};
