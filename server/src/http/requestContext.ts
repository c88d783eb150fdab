import { randomUUID } from "node:crypto";
import type { Next } from "koa";
import type { AppContext } from "./context";

/** Gives every request an id (or keeps a sane incoming one) and a child logger that prints it. */
export async function requestContext(ctx: AppContext, next: Next): Promise<void> {
  const incoming = ctx.get("x-request-id");
  const requestId = /^[a-zA-Z0-9-]{8,64}$/.test(incoming) ? incoming : randomUUID();
  ctx.state.requestId = requestId;
  ctx.state.log = ctx.services.log.child({ requestId });
  ctx.set("X-Request-Id", requestId);
  const started = performance.now();
  try {
    await next();
  } finally {
    ctx.state.log.info({ method: ctx.method, path: ctx.path, status: ctx.status, ms: Math.round(performance.now() - started) }, "request");
  }
}
