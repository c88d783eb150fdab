/**
 * The durable alert inbox: every risk signal from any channel (chat, hotline call-back topics, later
 * letters and cases) is an alert a person acknowledges and then handles. Socket events only say that an
 * alert appeared or changed; clients load alerts through the API, so a supervisor who connects later
 * still sees every open one.
 */
import { z } from "zod";
import type { RiskLevel } from "./contacts";
import type { RiskSignalCategory } from "./risk";

export const alertSourceKinds = ["chat", "hotline", "letter", "case", "appointment", "event"] as const;
export type AlertSourceKind = (typeof alertSourceKinds)[number];
export const alertSourceLabels: Record<AlertSourceKind, string> = { chat: "在线咨询", hotline: "热线回拨", letter: "心理信箱", case: "危机个案", appointment: "预约", event: "活动" };

export const alertStates = ["new", "acknowledged", "handled"] as const;
export type AlertState = (typeof alertStates)[number];
export const alertStateLabels: Record<AlertState, string> = { new: "待确认", acknowledged: "已确认，处理中", handled: "已处理" };

export const alertOutcomes = ["contacted", "referred", "emergency_services", "false_positive", "other"] as const;
export type AlertOutcome = (typeof alertOutcomes)[number];
export const alertOutcomeLabels: Record<AlertOutcome, string> = {
  contacted: "已联系并支持",
  referred: "已转介",
  emergency_services: "已联系 110/120",
  false_positive: "误报（无风险）",
  other: "其他",
};

/** What happened to an alert, in order: raised, escalations, webhook deliveries, acknowledgement, handling. */
export const alertStepKinds = ["raised", "nobody_on_duty", "escalated", "webhook_sent", "webhook_failed", "acknowledged", "handled"] as const;
export type AlertStepKind = (typeof alertStepKinds)[number];

export interface AlertStepView {
  kind: AlertStepKind;
  at: string;
  /** A staff member's display name where a person took the step. */
  staffName: string | null;
}

export interface AlertView {
  id: string;
  level: RiskLevel;
  categories: RiskSignalCategory[];
  source: { kind: AlertSourceKind; id: string };
  /** The student's alias, never an identity. */
  subjectAlias: string;
  state: AlertState;
  createdAt: string;
  /** Nobody (counsellor or supervisor) was on duty when it was raised. */
  nobodyOnDuty: boolean;
  escalatedAt: string | null;
  acknowledgedAt: string | null;
  acknowledgedByName: string | null;
  handledAt: string | null;
  handledByName: string | null;
  outcome: AlertOutcome | null;
  /** The handler's note (only in the detail and list for staff who may see alerts). */
  note: string | null;
  steps: AlertStepView[];
}

/** Socket notice: an alert appeared or changed state. Ids and level only; the client loads the rest. */
export interface AlertNotice {
  alertId: string;
  level: RiskLevel;
  state: AlertState;
  escalated: boolean;
}

export const listAlertsQuery = z.object({
  /** open: new + acknowledged (default); all: also handled ones, newest first. */
  state: z.enum(["open", "all"]).default("open"),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});
export type ListAlertsQuery = z.infer<typeof listAlertsQuery>;

export const handleAlertBody = z.object({
  outcome: z.enum(alertOutcomes),
  note: z.string().trim().min(1, { message: "请写一句处理说明" }).max(2000, { message: "处理说明太长了，请精简到 2000 字以内" }),
});
export type HandleAlertBody = z.infer<typeof handleAlertBody>;
