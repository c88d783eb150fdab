/**
 * The ONE retry rule every chat client follows for a message it sent (before this, the admin retried
 * every refusal it did not know and the mini-program gave up on every refusal it did not know).
 *
 * - No answer (TIMEOUT, the connection dropped) or the server failed (INTERNAL) or the session needs a
 *   fresh login: nothing was refused. Keep the message, try again after a growing pause and at once on
 *   every reconnect. The student is told it goes out when the network is back.
 * - CHAT_RATE_LIMITED (older servers: RATE_LIMITED): the server will take this very message a moment
 *   later. Keep it, wait `retryAfterMs`, send it again in its place. The student is told they wrote fast
 *   and it goes out by itself; never that the network failed.
 * - Any other answered refusal (too long, empty, closed, not found, read-only, forbidden, validation,
 *   and codes this client does not know yet): the server looked at the message and will refuse it again.
 *   Take it out of the outbox and show it as not sent, with the server's own kind sentence.
 */
export type ChatRetryDecision = { kind: "retry"; reason: "network" } | { kind: "wait"; reason: "rate"; afterMs: number } | { kind: "final" };

/** Codes that mean "nothing was refused": no answer arrived, or the server or session failed. */
export const chatRetryLaterCodes: ReadonlySet<string> = new Set(["TIMEOUT", "DISCONNECTED", "NETWORK", "INTERNAL", "UNAUTHENTICATED", "SESSION_EXPIRED", "SESSION_REVOKED"]);
/** Codes that mean "this exact message, a little later". */
export const chatRateCodes: ReadonlySet<string> = new Set(["CHAT_RATE_LIMITED", "RATE_LIMITED"]);

/** Fallback pause when a rate refusal came without retryAfterMs (an older server). */
const defaultRateWaitMs = 1000;

export function chatRetryRule(error: { code: string; retryAfterMs?: number }): ChatRetryDecision {
  if (chatRateCodes.has(error.code)) return { kind: "wait", reason: "rate", afterMs: Math.max(0, error.retryAfterMs ?? defaultRateWaitMs) };
  if (chatRetryLaterCodes.has(error.code)) return { kind: "retry", reason: "network" };
  return { kind: "final" };
}

/** Pause before the n-th consecutive network retry (1 s, 2 s, 4 s … at most 30 s); reconnects retry at once. */
export function chatRetryDelayMs(attempt: number): number {
  return Math.min(30_000, 1000 * 2 ** Math.max(0, attempt - 1));
}
