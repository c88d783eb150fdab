import type { z } from "zod";
import { errorMessages, type Ack, type ErrorCode } from "@xinyuan/shared";
import type { Services } from "../services";
import { AppError } from "../http/errors";

type AckResult<T> = Parameters<Ack<T>>[0];

function errorResult(error: unknown, services: Services): AckResult<never> {
  if (error instanceof AppError) return { ok: false, error: { code: error.code, message: error.message, ...retryAfterOf(error) } };
  services.log.error({ err: error }, "socket handler failed");
  return { ok: false, error: { code: "INTERNAL", message: errorMessages.INTERNAL } };
}

/** A refusal that succeeds later as is (CHAT_RATE_LIMITED) tells the client when. */
function retryAfterOf(error: AppError): { retryAfterMs?: number } {
  const details = error.details as { retryAfterMs?: unknown } | undefined;
  return typeof details?.retryAfterMs === "number" ? { retryAfterMs: details.retryAfterMs } : {};
}

/**
 * Validates, runs, and always acknowledges: every client event gets { ok, data } or { ok, error }.
 * A failure (a database outage included) becomes an error ack, never an unhandled rejection that would
 * take the process and every connection on it down.
 */
export function answerSocketEvent<S extends z.ZodType, T>(services: Services, schema: S, input: unknown, ack: Ack<T> | undefined, work: (value: z.output<S>) => Promise<T>): void {
  if (typeof ack !== "function") return;
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const code: ErrorCode = "VALIDATION_FAILED";
    ack({ ok: false, error: { code, message: errorMessages[code] } });
    return;
  }
  work(parsed.data).then(
    (data) => ack({ ok: true, data }),
    (error: unknown) => ack(errorResult(error, services)),
  );
}
