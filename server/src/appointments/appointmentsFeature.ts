import type { Feature } from "../features/feature";
import { appointmentJobs } from "./appointmentJobs";
import { appointmentPaymentPurpose } from "./appointmentPayments";
import { appointmentDeletionStep, appointmentExportSection } from "./appointmentUserData";

export const appointmentsFeature: Feature = {
  name: "appointments",
  jobs: [appointmentJobs],
  exportSections: [appointmentExportSection],
  deletionSteps: [appointmentDeletionStep],
  paymentPurposes: [appointmentPaymentPurpose],
};
