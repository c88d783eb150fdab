import type { AppError } from "../http/errors";
import { ForbiddenError } from "../http/errors";

/**
 * Throws unless a policy allowed the action. Routes pass NotFoundError for records the actor may not
 * even know exist (another school's letter), and keep the default 403 for actions they may not take.
 */
export function authorize(allowed: boolean, denied: () => AppError = () => ForbiddenError()): void {
  if (!allowed) throw denied();
}
