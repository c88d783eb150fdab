import type { Feature } from "./feature";
import type { SocketFeature } from "../realtime/socketServer";
import type { BackgroundJob } from "../jobs/backgroundJobs";
import type { ExportSection } from "../users/exportSections";
import type { AccountDeletionStep } from "../users/accountDeletionSteps";
import type { PaymentPurpose } from "../payments/paymentPurpose";

/**
 * The parts of the registered features, each kind in registry order. The lower layers (realtime, jobs,
 * users, payments) take the parts they run as plain lists, so they never import `Feature` and the registry
 * is passed down from the top (startServer, createApp) instead of living on `Services`.
 */
export function socketFeaturesOf(features: readonly Feature[]): SocketFeature[] {
  return features.flatMap((feature) => (feature.socket ? [feature.socket] : []));
}

/** The periodic jobs (stale claims, missed call-back windows, idle chats …). */
export function backgroundJobsOf(features: readonly Feature[]): BackgroundJob[] {
  return features.flatMap((feature) => feature.jobs ?? []);
}

/** Each feature's part of GET /me/export (the audit trail is added by the exporter itself). */
export function exportSectionsOf(features: readonly Feature[]): ExportSection[] {
  return features.flatMap((feature) => feature.exportSections ?? []);
}

/** Run by DELETE /me before the identity itself is erased. */
export function accountDeletionStepsOf(features: readonly Feature[]): AccountDeletionStep[] {
  return features.flatMap((feature) => feature.deletionSteps ?? []);
}

/** What the features sell through WeChat Pay. */
export function paymentPurposesOf(features: readonly Feature[]): PaymentPurpose[] {
  return features.flatMap((feature) => feature.paymentPurposes ?? []);
}
