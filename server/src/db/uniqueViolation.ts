import type { ErrorCode } from "@xinyuan/shared";
import { ConflictError } from "../http/errors";

/** Whether a database error (or one it wraps, as Drizzle does) is a unique-constraint violation. */
export function isUniqueViolation(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === "object" && current !== null; depth += 1) {
    if ((current as { code?: unknown }).code === "23505") return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * Runs work whose pre-check for a taken name can lose a race with a concurrent insert; the database's
 * unique index then decides, and the loser gets the same 409 the pre-check would have given.
 */
export async function uniqueOr<T>(code: ErrorCode, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) throw ConflictError(code);
    throw error;
  }
}
