import { z } from "zod";

const alertEnvironment = z.object({
  /** An alert nobody acknowledged within this time escalates to every on-duty counsellor and the webhook. */
  ALERT_ESCALATE_MINUTES: z.coerce.number().positive().default(2),
  /** The centre's external channel: a WeCom (企业微信) group-robot webhook URL. Unset: no external call. */
  ALERT_WEBHOOK_URL: z.url().optional(),
  /** The admin's public address, for the link in the webhook message (e.g. https://xinyuan.example.cn/admin). */
  ALERT_ADMIN_URL: z.url().optional(),
  /** How often each process looks for alerts to escalate and webhooks to (re)send. */
  ALERT_CHECK_INTERVAL_MS: z.coerce.number().int().positive().default(5000),
  ALERT_WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().positive().default(5),
});

export interface AlertConfig {
  escalateMinutes: number;
  webhookUrl: string | undefined;
  adminUrl: string | undefined;
  checkIntervalMs: number;
  webhookMaxAttempts: number;
}

/** Alert settings from the environment; throws with the variable's name when one is wrong. */
export function loadAlertConfig(environment: NodeJS.ProcessEnv): AlertConfig {
  const parsed = alertEnvironment.safeParse(environment);
  if (!parsed.success) throw new Error(`invalid configuration — ${parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")}`);
  const values = parsed.data;
  return {
    escalateMinutes: values.ALERT_ESCALATE_MINUTES,
    webhookUrl: values.ALERT_WEBHOOK_URL,
    adminUrl: values.ALERT_ADMIN_URL?.replace(/\/$/, ""),
    checkIntervalMs: values.ALERT_CHECK_INTERVAL_MS,
    webhookMaxAttempts: values.ALERT_WEBHOOK_MAX_ATTEMPTS,
  };
}
