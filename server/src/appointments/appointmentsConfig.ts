import { z } from "zod";

const appointmentEnvironment = z.object({
  /** How long a paid slot is held while the payer pays. */
  APPOINTMENT_HOLD_MINUTES: z.coerce.number().int().positive().default(10),
  /** A paid session cancelled more than this many hours ahead is refunded in full. */
  APPOINTMENT_FULL_REFUND_HOURS: z.coerce.number().nonnegative().default(24),
  /** How often the payment sweep (expired holds, orders whose notification never came) runs. */
  APPOINTMENT_SWEEP_INTERVAL_MS: z.coerce.number().int().positive().default(30_000),
  /** The subscribe-message reminder goes this many hours before a booked session (once). */
  APPOINTMENT_REMINDER_HOURS: z.coerce.number().positive().default(2),
  /** WeChat subscribe-message template of the reminder (预约提醒). */
  WECHAT_TEMPLATE_APPOINTMENT_REMINDER: z.string().min(1).default("demo-template-appointment-reminder"),
  /** How often slots are generated from weekly hours (also run once at start). */
  APPOINTMENT_SLOT_GENERATION_INTERVAL_MS: z.coerce.number().int().positive().default(3_600_000),
  /** The county day's bill is reconciled after this county time the next day (WeChat's bill is ready from 10:00). */
  APPOINTMENT_RECONCILE_AFTER: z.string().regex(/^\d{2}:\d{2}$/).default("10:30"),
});

export interface AppointmentsConfig {
  holdMinutes: number;
  fullRefundHours: number;
  sweepIntervalMs: number;
  reminderHours: number;
  reminderTemplate: string;
  slotGenerationIntervalMs: number;
  reconcileAfter: string;
}

/** Appointment settings from the environment; throws with the variable's name when one is wrong. */
export function loadAppointmentsConfig(environment: NodeJS.ProcessEnv): AppointmentsConfig {
  const parsed = appointmentEnvironment.safeParse(environment);
  if (!parsed.success) throw new Error(`invalid configuration — ${parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")}`);
  const values = parsed.data;
  return {
    holdMinutes: values.APPOINTMENT_HOLD_MINUTES,
    fullRefundHours: values.APPOINTMENT_FULL_REFUND_HOURS,
    sweepIntervalMs: values.APPOINTMENT_SWEEP_INTERVAL_MS,
    reminderHours: values.APPOINTMENT_REMINDER_HOURS,
    reminderTemplate: values.WECHAT_TEMPLATE_APPOINTMENT_REMINDER,
    slotGenerationIntervalMs: values.APPOINTMENT_SLOT_GENERATION_INTERVAL_MS,
    reconcileAfter: values.APPOINTMENT_RECONCILE_AFTER,
  };
}
