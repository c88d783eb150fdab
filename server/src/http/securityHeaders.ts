import type { Next } from "koa";
import type { AppContext } from "./context";

/** Conservative headers for the API and the static admin / H5 builds. */
export async function securityHeaders(ctx: AppContext, next: Next): Promise<void> {
  ctx.set("X-Content-Type-Options", "nosniff");
  ctx.set("X-Frame-Options", "DENY");
  ctx.set("Referrer-Policy", "no-referrer");
  ctx.set("Cross-Origin-Opener-Policy", "same-origin");
  ctx.set("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
  ctx.set(
    "Content-Security-Policy",
    "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; font-src 'self' data:; script-src 'self'; connect-src 'self' ws: wss:; frame-ancestors 'none'; base-uri 'self'",
  );
  if (ctx.path.startsWith("/api/")) ctx.set("Cache-Control", "no-store");
  await next();
}
