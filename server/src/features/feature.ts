import type { SocketFeature } from "../realtime/socketServer";
import type { BackgroundJob } from "../jobs/backgroundJobs";
import type { ExportSection } from "../users/exportSections";
import type { AccountDeletionStep } from "../users/accountDeletionSteps";
import type { PaymentPurpose } from "../payments/paymentPurpose";

/**
 * What one feature (hotline, chat, letters, cases …) plugs into the process: its socket handlers, its
 * background jobs, its part of a user's data export and of account deletion. Each feature folder exports
 * one `<feature>Feature` from `<feature>Feature.ts`; the registry assembles them at start-up, so the lower
 * layers (realtime, jobs, users) never import a feature back.
 */
export interface Feature {
  name: string;
  socket?: SocketFeature;
  jobs?: BackgroundJob[];
  exportSections?: ExportSection[];
  deletionSteps?: AccountDeletionStep[];
  /** What the feature sells through WeChat Pay: called when its orders are paid or refunded. */
  paymentPurposes?: PaymentPurpose[];
}
