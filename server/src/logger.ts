import pino, { type Logger } from "pino";

export type { Logger };

/**
 * One logger for the process. Request loggers are children carrying the request id. Personal data
 * never goes into a log: the redact list is a second line of defence, not the first.
 */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: "xinyuan" },
    redact: {
      paths: ["password", "*.password", "*.newPassword", "*.currentPassword", "token", "*.token", "openid", "*.openid", "phone", "*.phone", "authorization", "*.authorization", "*.headers.authorization", "*.totpCode", "*.code"],
      censor: "[redacted]",
    },
  });
}
