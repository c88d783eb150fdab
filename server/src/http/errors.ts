import { errorMessages, type ErrorCode } from "@xinyuan/shared";

/** An error with a stable code, a status and a Chinese message fit to show the user. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message?: string,
    readonly details?: unknown,
    readonly headers?: Record<string, string>,
  ) {
    super(message ?? errorMessages[code]);
    this.name = "AppError";
  }
}

export const ValidationError = (details?: unknown, message?: string) => new AppError(400, "VALIDATION_FAILED", message, details);
export const AuthenticationError = (code: ErrorCode = "UNAUTHENTICATED") => new AppError(401, code);
export const ForbiddenError = (code: ErrorCode = "FORBIDDEN") => new AppError(403, code);
/** Use a specific code such as LETTER_NOT_FOUND where one exists. */
export const NotFoundError = (code: ErrorCode = "NOT_FOUND") => new AppError(404, code);
export const ConflictError = (code: ErrorCode = "CONFLICT") => new AppError(409, code);
export const RateLimitedError = (retryAfterSeconds: number) =>
  new AppError(429, "RATE_LIMITED", undefined, { retryAfterSeconds }, { "Retry-After": String(retryAfterSeconds) });
