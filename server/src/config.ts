import { z } from "zod";
import { presenceHeartbeatMs } from "@xinyuan/shared";
import { loadHotlineConfig, type HotlineConfig } from "./hotline/hotlineConfig";
import { loadAlertConfig, type AlertConfig } from "./alerts/alertConfig";
import { loadWechatPayConfig, type WechatPayConfig } from "./payments/wechatPayConfig";
import { loadAppointmentsConfig, type AppointmentsConfig } from "./appointments/appointmentsConfig";

/** Demo-only secrets. NODE_ENV=production refuses to start while any of these is in use. */
export const demoSecrets = {
  fieldKey: "demo1:eGlueXVhbi1kZW1vLWtleS1uZXZlci1mb3ItcHJvZCE=",
  identityHashKey: "demo-identity-hash-key-do-not-use-in-production",
  wechatAppSecret: "demo-wechat-secret",
} as const;

const booleanFlag = z.enum(["true", "false", "1", "0"]).transform((value) => value === "true" || value === "1");
const minutes = z.coerce.number().int().positive();

const keyList = z
  .string()
  .min(1)
  .transform((raw, ctx) => {
    const keys: Array<{ id: string; key: Buffer }> = [];
    for (const entry of raw.split(",").map((part) => part.trim()).filter(Boolean)) {
      const [id, encoded] = entry.split(":");
      const key = Buffer.from(encoded ?? "", "base64");
      if (!id || !/^[a-zA-Z0-9_-]{1,16}$/.test(id) || key.length !== 32) {
        ctx.addIssue({ code: "custom", message: "each entry must be <keyId>:<base64 of 32 bytes>" });
        return z.NEVER;
      }
      keys.push({ id, key });
    }
    return keys;
  });

const environmentSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  HOST: z.string().default("127.0.0.1"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATA_DIR: z.string().min(1).default("./data"),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, { message: "must be a postgres:// URL" }).optional(),
  /** The tables' owner, for migrations only; the application then runs as DATABASE_URL (a member of xinyuan_app). */
  MIGRATION_DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, { message: "must be a postgres:// URL" }).optional(),
  /** PostgreSQL connections of this process (the socket.io adapter's NOTIFYs share them). */
  /** Redis for the socket.io adapter (rooms across processes) instead of PostgreSQL NOTIFY, e.g. redis://127.0.0.1:6379. */
  REDIS_URL: z.preprocess((value) => (value === "" ? undefined : value), z.string().regex(/^rediss?:\/\//, { message: "must be a redis:// URL" }).optional()),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(2).max(200).default(10),
  XINYUAN_DEMO: booleanFlag.default(false),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  FIELD_ENCRYPTION_KEYS: keyList.optional(),
  /** "refuse" once `npm run keys:rotate` has re-sealed every value: unbound v1 values no longer open. */
  FIELD_ENCRYPTION_LEGACY: z.enum(["read", "refuse"]).default("read"),
  IDENTITY_HASH_KEY: z.string().min(32, { message: "must be at least 32 characters" }).optional(),
  WECHAT_API_BASE: z.url().default("https://api.weixin.qq.com"),
  WECHAT_APPID: z.string().min(1).default("wx-demo-appid"),
  WECHAT_SECRET: z.string().min(1).optional(),
  CORS_ORIGINS: z.string().default(""),
  TRUST_PROXY: booleanFlag.default(false),
  COUNTY_NAME: z.string().min(1).default("渠县"),
  HOTLINE_NUMBER: z.string().min(3).default("0818-7322525"),
  HOTLINE_HOURS: z.string().min(1).default("每天 8:00–22:00"),
  STAFF_IDLE_MINUTES: minutes.default(30),
  STAFF_MAX_SESSION_HOURS: z.coerce.number().positive().default(12),
  USER_SESSION_DAYS: z.coerce.number().positive().default(30),
  /** A student's or parent's session ends after this many days without use (within the 30-day maximum). */
  USER_IDLE_DAYS: z.coerce.number().positive().default(7),
  ADMIN_DIST: z.string().optional(),
  H5_DIST: z.string().optional(),
  CHAT_IDLE_REMINDER_MINUTES: z.coerce.number().positive().default(10),
  CHAT_IDLE_CLOSE_MINUTES: z.coerce.number().positive().default(20),
  CHAT_COUNSELLOR_GRACE_SECONDS: z.coerce.number().positive().default(90),
  CHAT_MESSAGES_PER_SECOND: z.coerce.number().int().positive().default(3),
  CHAT_MAINTENANCE_INTERVAL_MS: z.coerce.number().int().positive().default(3000),
  /** A chat the router gave a counsellor who has not opened it after this long goes to the next one. */
  CHAT_OPEN_TIMEOUT_SECONDS: z.coerce.number().positive().default(120),
  /** Subscribe-message template for "a counsellor replied" (registered in the mini-program console). */
  WECHAT_TEMPLATE_CHAT_REPLY: z.string().min(1).default("demo-template-chat-reply"),
  /** Subscribe-message template for "a teacher answered your letter". */
  WECHAT_TEMPLATE_LETTER_REPLY: z.string().min(1).default("demo-template-letter-reply"),
  /** How often the letters job looks for letters due soon or overdue. */
  LETTERS_JOB_INTERVAL_MS: z.coerce.number().int().positive().default(60_000),
  /** Free sign-in failures for one (username, address) pair before it is slowed; then waits double from the first up to the longest. */
  SIGN_IN_FREE_FAILURES: z.coerce.number().int().min(1).default(5),
  SIGN_IN_FIRST_WAIT_SECONDS: z.coerce.number().int().positive().default(30),
  SIGN_IN_LONGEST_WAIT_MINUTES: minutes.default(15),
  /** Staff sign-in attempts per client address per minute, whoever they are for: high, one school or office shares an address. */
  SIGN_IN_PER_ADDRESS_PER_MINUTE: z.coerce.number().int().positive().default(120),
  /** Open sockets per session (one person's tabs and devices) and per client address (a whole school behind NAT), per process. */
  SOCKET_CONNECTIONS_PER_SESSION: z.coerce.number().int().positive().default(5),
  SOCKET_CONNECTIONS_PER_ADDRESS: z.coerce.number().int().positive().default(500),
  /** How often open sockets are checked against their session and the staff member's current rights (socketSessionSweep); tests shorten it. */
  SOCKET_SESSION_SWEEP_MS: z.coerce.number().int().positive().default(presenceHeartbeatMs),
});

export interface Config {
  env: "development" | "test" | "production";
  host: string;
  port: number;
  dataDir: string;
  databaseUrl: string | undefined;
  databasePoolSize: number;
  redisUrl: string | undefined;
  migrationDatabaseUrl: string | undefined;
  demo: boolean;
  logLevel: string;
  fieldKeys: Array<{ id: string; key: Buffer }>;
  /** Whether v1 values (sealed before places were bound) still open. */
  fieldLegacyReadable: boolean;
  identityHashKey: string;
  wechat: { apiBase: string; appId: string; appSecret: string };
  corsOrigins: string[];
  trustProxy: boolean;
  county: { name: string; hotlineNumber: string; hotlineHours: string };
  sessions: { staffIdleMinutes: number; staffMaxHours: number; userDays: number; userIdleDays: number };
  staticDirs: { admin: string | undefined; h5: string | undefined };
  /** Chat timings: idle reminder then auto-close, a disconnected counsellor's grace, per-sender rate. */
  chat: { idleReminderMinutes: number; idleCloseMinutes: number; counsellorGraceSeconds: number; openTimeoutSeconds: number; messagesPerSecond: number; maintenanceIntervalMs: number; replyTemplate: string };
  letters: { replyTemplate: string; jobIntervalMs: number };
  /** Staff sign-in slowing per (username, address) pair and the per-address ceiling (see auth/signInThrottle.ts). */
  signIn: { freeFailures: number; firstWaitSeconds: number; longestWaitSeconds: number; perAddressPerMinute: number };
  /** Socket connection caps per session and per client address, in each process (see realtime/socketLimits.ts). */
  sockets: { connectionsPerSession: number; connectionsPerAddress: number; sessionSweepMs: number };
  /** Hotline queue and roster settings (HOTLINE_* variables, see hotline/hotlineConfig.ts). */
  hotline: HotlineConfig;
  /** Alert escalation and the external webhook (ALERT_* variables, see alerts/alertConfig.ts). */
  alerts: AlertConfig;
  /** WeChat Pay merchant (WECHATPAY_* variables, see payments/wechatPayConfig.ts); generated keys outside production. */
  wechatPay: WechatPayConfig;
  /** Booking hold, refund window, payment sweep (APPOINTMENT_* variables). */
  appointments: AppointmentsConfig;
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

/**
 * Reads and validates configuration once. A wrong or missing value stops start-up with a message that
 * names the variable; production refuses demo settings (fake WeChat host, demo keys).
 */
export function loadConfig(environment: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environmentSchema.safeParse(environment);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`invalid configuration — ${problems.join("; ")}`);
  }
  const values = parsed.data;
  // Demo keys only when asked for: demo mode, or a development / test run that says so. A server started
  // with no NODE_ENV at all (e.g. a hurried production start) must bring its own keys, not the published ones.
  const demoAllowed = values.XINYUAN_DEMO || environment.NODE_ENV === "development" || environment.NODE_ENV === "test";
  const missing = (name: string) => new ConfigError(`invalid configuration — ${name}: required (set it, or run the demo with XINYUAN_DEMO=true, or a local development run with NODE_ENV=development)`);

  const fieldKeys = values.FIELD_ENCRYPTION_KEYS ?? (demoAllowed ? keyList.parse(demoSecrets.fieldKey) : undefined);
  if (!fieldKeys) throw missing("FIELD_ENCRYPTION_KEYS");
  const identityHashKey = values.IDENTITY_HASH_KEY ?? (demoAllowed ? demoSecrets.identityHashKey : undefined);
  if (!identityHashKey) throw missing("IDENTITY_HASH_KEY");
  const appSecret = values.WECHAT_SECRET ?? (demoAllowed ? demoSecrets.wechatAppSecret : undefined);
  if (!appSecret) throw missing("WECHAT_SECRET");

  const config: Config = {
    env: values.NODE_ENV,
    host: values.HOST,
    port: values.PORT,
    dataDir: values.DATA_DIR,
    databaseUrl: values.DATABASE_URL,
    databasePoolSize: values.DATABASE_POOL_SIZE,
    redisUrl: values.REDIS_URL,
    migrationDatabaseUrl: values.MIGRATION_DATABASE_URL,
    demo: values.XINYUAN_DEMO,
    logLevel: values.LOG_LEVEL,
    fieldKeys,
    fieldLegacyReadable: values.FIELD_ENCRYPTION_LEGACY === "read",
    identityHashKey,
    wechat: { apiBase: values.WECHAT_API_BASE.replace(/\/$/, ""), appId: values.WECHAT_APPID, appSecret },
    corsOrigins: values.CORS_ORIGINS.split(",").map((origin) => origin.trim()).filter(Boolean),
    trustProxy: values.TRUST_PROXY,
    county: { name: values.COUNTY_NAME, hotlineNumber: values.HOTLINE_NUMBER, hotlineHours: values.HOTLINE_HOURS },
    sessions: { staffIdleMinutes: values.STAFF_IDLE_MINUTES, staffMaxHours: values.STAFF_MAX_SESSION_HOURS, userDays: values.USER_SESSION_DAYS, userIdleDays: values.USER_IDLE_DAYS },
    staticDirs: { admin: values.ADMIN_DIST, h5: values.H5_DIST },
    chat: {
      idleReminderMinutes: values.CHAT_IDLE_REMINDER_MINUTES,
      idleCloseMinutes: Math.max(values.CHAT_IDLE_CLOSE_MINUTES, values.CHAT_IDLE_REMINDER_MINUTES),
      counsellorGraceSeconds: values.CHAT_COUNSELLOR_GRACE_SECONDS,
      openTimeoutSeconds: values.CHAT_OPEN_TIMEOUT_SECONDS,
      messagesPerSecond: values.CHAT_MESSAGES_PER_SECOND,
      maintenanceIntervalMs: values.CHAT_MAINTENANCE_INTERVAL_MS,
      replyTemplate: values.WECHAT_TEMPLATE_CHAT_REPLY,
    },
    hotline: hotlineConfigOrThrow(environment),
    alerts: featureConfigOrThrow(() => loadAlertConfig(environment)),
    letters: { replyTemplate: values.WECHAT_TEMPLATE_LETTER_REPLY, jobIntervalMs: values.LETTERS_JOB_INTERVAL_MS },
    signIn: {
      freeFailures: values.SIGN_IN_FREE_FAILURES,
      firstWaitSeconds: values.SIGN_IN_FIRST_WAIT_SECONDS,
      longestWaitSeconds: Math.max(values.SIGN_IN_LONGEST_WAIT_MINUTES * 60, values.SIGN_IN_FIRST_WAIT_SECONDS),
      perAddressPerMinute: values.SIGN_IN_PER_ADDRESS_PER_MINUTE,
    },
    sockets: { connectionsPerSession: values.SOCKET_CONNECTIONS_PER_SESSION, connectionsPerAddress: values.SOCKET_CONNECTIONS_PER_ADDRESS, sessionSweepMs: values.SOCKET_SESSION_SWEEP_MS },
    wechatPay: wechatPayConfigOrThrow(environment, demoAllowed),
    appointments: featureConfigOrThrow(() => loadAppointmentsConfig(environment)),
  };
  if (config.env === "production") refuseDemoSettings(config);
  return config;
}

function hotlineConfigOrThrow(environment: NodeJS.ProcessEnv): HotlineConfig {
  try {
    return loadHotlineConfig(environment);
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
}

function featureConfigOrThrow<T>(load: () => T): T {
  try {
    return load();
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
}

function wechatPayConfigOrThrow(environment: NodeJS.ProcessEnv, allowGenerated: boolean): WechatPayConfig {
  try {
    return loadWechatPayConfig(environment, { allowGenerated });
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
}

function refuseDemoSettings(config: Config): void {
  const problems: string[] = [];
  if (config.demo) problems.push("XINYUAN_DEMO: demo mode is not allowed in production");
  if (config.fieldKeys.some((entry) => `${entry.id}:${entry.key.toString("base64")}` === demoSecrets.fieldKey)) problems.push("FIELD_ENCRYPTION_KEYS: the demo key is not allowed in production");
  if (config.identityHashKey === demoSecrets.identityHashKey) problems.push("IDENTITY_HASH_KEY: the demo key is not allowed in production");
  if (config.wechat.appSecret === demoSecrets.wechatAppSecret) problems.push("WECHAT_SECRET: the demo secret is not allowed in production");
  const host = new URL(config.wechat.apiBase).hostname;
  if (host === "127.0.0.1" || host === "localhost" || host === "::1") problems.push("WECHAT_API_BASE: a local (fake) WeChat host is not allowed in production");
  // Generated keys are only ever used with payments on; off (no WECHATPAY_*) is a normal production start.
  if (config.wechatPay.enabled && config.wechatPay.generated) problems.push("WECHATPAY_*: generated WeChat Pay keys are not allowed in production");
  const payHost = new URL(config.wechatPay.apiBase).hostname;
  if (config.wechatPay.enabled && payHost === "127.0.0.1" || payHost === "localhost" || payHost === "::1") problems.push("WECHATPAY_API_BASE: a local (fake) WeChat Pay host is not allowed in production");
  if (problems.length > 0) throw new ConfigError(`refusing demo settings in production — ${problems.join("; ")}`);
}
