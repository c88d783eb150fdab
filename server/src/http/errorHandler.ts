import type { Next } from "koa";
import { errorMessages, type ErrorCode } from "@xinyuan/shared";
import type { AppContext } from "./context";
import { AppError } from "./errors";

/** What no handler answered keeps its status and gets the error shape: unknown path, wrong method. */
function shapeBodiless(ctx: AppContext): void {
  const status = ctx.status;
  const code: ErrorCode =
    status === 404 ? (ctx.path.startsWith("/api/") ? "ROUTE_NOT_FOUND" : "PAGE_NOT_FOUND") : status === 405 ? "METHOD_NOT_ALLOWED" : status === 501 ? "NOT_IMPLEMENTED" : status >= 500 ? "INTERNAL" : "BAD_REQUEST";
  ctx.body = { error: { code, message: errorMessages[code] } };
  ctx.status = status;
}

/**
 * The one error policy: AppErrors become `{ error: { code, message } }` with their status; body-parser
 * and Koa errors keep their 4xx meaning; anything else is logged with the request id and answered as a
 * generic 500. No stack trace ever leaves the server.
 */
export async function errorHandler(ctx: AppContext, next: Next): Promise<void> {
  try {
    await next();
    if (ctx.status >= 400 && (ctx.body === undefined || ctx.body === null)) shapeBodiless(ctx);
  } catch (caught) {
    if (caught instanceof AppError) {
      ctx.status = caught.status;
      for (const [name, value] of Object.entries(caught.headers ?? {})) ctx.set(name, value);
      ctx.body = { error: { code: caught.code, message: caught.message, ...(caught.details === undefined ? {} : { details: caught.details }) } };
      if (caught.status >= 500) ctx.state.log.error({ err: caught }, "request failed");
      return;
    }
    const error = caught as { status?: number; statusCode?: number; type?: string; expose?: boolean; message?: string };
    const status = error.status ?? error.statusCode ?? 500;
    if (status === 413) {
      ctx.status = 413;
      ctx.body = { error: { code: "PAYLOAD_TOO_LARGE", message: errorMessages.PAYLOAD_TOO_LARGE } };
      return;
    }
    if (status >= 400 && status < 500) {
      ctx.status = status;
      const badJson = error.type === "entity.parse.failed" || caught instanceof SyntaxError; // co-body throws a SyntaxError with status 400
      const code: ErrorCode = badJson ? "BAD_JSON" : status === 404 ? "NOT_FOUND" : status === 405 ? "METHOD_NOT_ALLOWED" : status === 431 ? "HEADERS_TOO_LARGE" : "VALIDATION_FAILED";
      ctx.body = { error: { code, message: errorMessages[code] } };
      return;
    }
    ctx.state.log.error({ err: caught }, "unexpected error");
    ctx.status = 500;
    ctx.body = { error: { code: "INTERNAL", message: errorMessages.INTERNAL } };
  }
}
