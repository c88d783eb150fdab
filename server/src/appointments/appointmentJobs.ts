import { everyInterval, type BackgroundJob } from "../jobs/backgroundJobs";
import { pruneNotificationNonces } from "../payments/notificationNonces";
import { sweepAppointmentPayments } from "./appointmentPaymentSweep";

/** Expired holds, late notifications, owed refunds; and old notification nonces pruned. */
export const appointmentJobs: BackgroundJob = (services) =>
  everyInterval("appointment payment sweep", services.config.appointments.sweepIntervalMs, async (current) => {
    await sweepAppointmentPayments(current);
    await pruneNotificationNonces(current.db, current.clock.now());
  })(services);
