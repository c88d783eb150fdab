import type { Feature } from "../features/feature";
import { appointmentJobs, appointmentReminderJob, reconciliationJob, slotGenerationJob } from "./appointmentJobs";
import { appointmentPaymentPurpose } from "./appointmentPayments";
import { appointmentDeletionStep, appointmentExportSection } from "./appointmentUserData";

export const appointmentsFeature: Feature = {
  name: "appointments",
  jobs: [appointmentJobs, appointmentReminderJob, slotGenerationJob, reconciliationJob],
  exportSections: [appointmentExportSection],
  deletionSteps: [appointmentDeletionStep],
  paymentPurposes: [appointmentPaymentPurpose],
};
