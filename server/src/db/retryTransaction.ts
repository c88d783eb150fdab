/** PostgreSQL error codes worth one more try: serialization failure, deadlock detected. */
const retryableCodes = new Set(["40001", "40P01"]);

function isRetryable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === "object"; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && retryableCodes.has(code)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * Runs a whole transaction again when PostgreSQL aborted it for a deadlock or a serialization failure
 * (both are safe to retry: nothing was committed). Anything else is thrown as is.
 */
export async function retryTransaction<T>(work: () => Promise<T>, attempts = 4): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= attempts || !isRetryable(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * attempt));
    }
  }
}
