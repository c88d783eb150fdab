import pino, { stdSerializers, type Logger } from "pino";

export type { Logger };

/**
 * Errors as pino serialises them, minus a failed query's parameters: drizzle puts the bound values
 * (names, aliases, ciphertext) into the message and a `params` field. The SQL and the database's own
 * error (code, message) stay, which is what a diagnosis needs.
 */
export function serializeError(error: unknown): unknown {
  const serialized = stdSerializers.err(error as Error) as Record<string, unknown> | undefined;
  if (!serialized || typeof serialized !== "object") return serialized;
  if (typeof serialized.message === "string") serialized.message = serialized.message.replace(/\nparams: [\s\S]*$/, "\nparams: [withheld]");
  if (typeof serialized.stack === "string") serialized.stack = serialized.stack.replace(/\nparams: [\s\S]*?(?=\n    at |$)/, "\nparams: [withheld]");
  if ("params" in serialized) serialized.params = "[withheld]";
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  if (cause && typeof cause.code === "string") serialized.causeCode = cause.code; // e.g. 23505, 40001
  return serialized;
}

/**
 * One logger for the process. Request loggers are children carrying the request id. Personal data
 * never goes into a log: the redact list is a second line of defence, not the first.
 */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: "xinyuan" },
    serializers: { err: serializeError },
    redact: {
      paths: ["password", "*.password", "*.newPassword", "*.currentPassword", "token", "*.token", "openid", "*.openid", "phone", "*.phone", "authorization", "*.authorization", "*.headers.authorization", "*.totpCode", "*.code"],
      censor: "[redacted]",
    },
  });
}
