import { z } from "zod";

const appointmentEnvironment = z.object({
  /** How long a paid slot is held while the payer pays. */
  APPOINTMENT_HOLD_MINUTES: z.coerce.number().int().positive().default(10),
  /** A paid session cancelled more than this many hours ahead is refunded in full. */
  APPOINTMENT_FULL_REFUND_HOURS: z.coerce.number().nonnegative().default(24),
  /** How often the payment sweep (expired holds, orders whose notification never came) runs. */
  APPOINTMENT_SWEEP_INTERVAL_MS: z.coerce.number().int().positive().default(30_000),
});

export interface AppointmentsConfig {
  holdMinutes: number;
  fullRefundHours: number;
  sweepIntervalMs: number;
}

/** Appointment settings from the environment; throws with the variable's name when one is wrong. */
export function loadAppointmentsConfig(environment: NodeJS.ProcessEnv): AppointmentsConfig {
  const parsed = appointmentEnvironment.safeParse(environment);
  if (!parsed.success) throw new Error(`invalid configuration — ${parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")}`);
  return { holdMinutes: parsed.data.APPOINTMENT_HOLD_MINUTES, fullRefundHours: parsed.data.APPOINTMENT_FULL_REFUND_HOURS, sweepIntervalMs: parsed.data.APPOINTMENT_SWEEP_INTERVAL_MS };
}
