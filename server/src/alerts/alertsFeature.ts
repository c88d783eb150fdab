import type { Feature } from "../features/feature";
import { everyInterval } from "../jobs/backgroundJobs";
import { alertSocket } from "./alertSocket";
import { alertListenerJob } from "./alertListener";
import { runAlertChecks } from "./alertChecks";
import { alertDeletionStep } from "./alertUserData";

/** The alert inbox: supervisors' socket room, the after-commit listener, escalation checks, account deletion. */
export const alertsFeature: Feature = {
  name: "alerts",
  socket: alertSocket,
  jobs: [alertListenerJob, (services) => everyInterval("alert-checks", services.config.alerts.checkIntervalMs, runAlertChecks)(services)],
  deletionSteps: [alertDeletionStep],
};
