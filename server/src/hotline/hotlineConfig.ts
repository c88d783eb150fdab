import { z } from "zod";

const positive = z.coerce.number().int().positive();
const hoursRange = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-4]):[0-5]\d$/, { message: "must look like 08:00-22:00 (county time)" })
  .refine((value) => value.split("-")[0]! < value.split("-")[1]!, { message: "the end must be after the start" });

const hotlineEnvironment = z.object({
  /** "roster": open while someone is on shift. "fixed": also open during HOTLINE_SERVICE_HOURS on non-holidays. */
  HOTLINE_OPEN_MODE: z.enum(["roster", "fixed"]).default("roster"),
  /** The staffed hours the county aims for each non-holiday day (coverage gaps are measured against it). */
  HOTLINE_SERVICE_HOURS: hoursRange.default("08:00-22:00"),
  HOTLINE_MAX_ATTEMPTS: positive.default(3),
  HOTLINE_RETRY_MINUTES: positive.default(15),
  HOTLINE_STALE_CLAIM_MINUTES: positive.default(3),
  HOTLINE_QUEUE_CAPACITY: positive.default(200),
  /** An "I'll call" ticket nobody took within this time is marked missed. */
  HOTLINE_INBOUND_TICKET_MINUTES: positive.default(120),
  WECHAT_TEMPLATE_HOTLINE_CALL_SOON: z.string().min(1).default("demo-template-hotline-call-soon"),
  WECHAT_TEMPLATE_HOTLINE_MISSED: z.string().min(1).default("demo-template-hotline-missed"),
});

export interface HotlineConfig {
  openMode: "roster" | "fixed";
  serviceHours: { start: string; end: string };
  maxAttempts: number;
  retryMinutes: number;
  staleClaimMinutes: number;
  queueCapacity: number;
  inboundTicketMinutes: number;
  templates: { callSoon: string; missed: string };
}

/** Hotline settings from the environment; throws with the variable's name when one is wrong. */
export function loadHotlineConfig(environment: NodeJS.ProcessEnv): HotlineConfig {
  const parsed = hotlineEnvironment.safeParse(environment);
  if (!parsed.success) throw new Error(`invalid configuration — ${parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")}`);
  const values = parsed.data;
  const [start, end] = values.HOTLINE_SERVICE_HOURS.split("-") as [string, string];
  return {
    openMode: values.HOTLINE_OPEN_MODE,
    serviceHours: { start, end },
    maxAttempts: values.HOTLINE_MAX_ATTEMPTS,
    retryMinutes: values.HOTLINE_RETRY_MINUTES,
    staleClaimMinutes: values.HOTLINE_STALE_CLAIM_MINUTES,
    queueCapacity: values.HOTLINE_QUEUE_CAPACITY,
    inboundTicketMinutes: values.HOTLINE_INBOUND_TICKET_MINUTES,
    templates: { callSoon: values.WECHAT_TEMPLATE_HOTLINE_CALL_SOON, missed: values.WECHAT_TEMPLATE_HOTLINE_MISSED },
  };
}
