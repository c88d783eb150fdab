import type { Feature } from "../features/feature";
import { appointmentJobs } from "./appointmentJobs";
import { appointmentPaymentPurpose } from "./appointmentPayments";

export const appointmentsFeature: Feature = { name: "appointments", jobs: [appointmentJobs], paymentPurposes: [appointmentPaymentPurpose] };
