import type { Next } from "koa";
import type { AppContext } from "./context";

/** Two years, the preload-list minimum; sent only over TLS (a TLS socket, or X-Forwarded-Proto https with TRUST_PROXY). */
const hstsMaxAgeSeconds = 63_072_000;

/**
 * Conservative headers for the API and the static admin / H5 builds. connect-src names this origin's
 * websocket (older Safari does not count ws/wss as 'self') and the configured CORS origins, never any host.
 */
export async function securityHeaders(ctx: AppContext, next: Next): Promise<void> {
  const websocketOrigin = `${ctx.secure ? "wss" : "ws"}://${ctx.host}`;
  const connectSources = ["'self'", websocketOrigin, ...ctx.services.config.corsOrigins].join(" ");
  if (ctx.secure) ctx.set("Strict-Transport-Security", `max-age=${hstsMaxAgeSeconds}; includeSubDomains`);
  ctx.set("X-Content-Type-Options", "nosniff");
  ctx.set("X-Frame-Options", "DENY");
  ctx.set("Referrer-Policy", "no-referrer");
  ctx.set("Cross-Origin-Opener-Policy", "same-origin");
  ctx.set("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
  ctx.set(
    "Content-Security-Policy",
    `default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; font-src 'self' data:; script-src 'self'; connect-src ${connectSources}; frame-ancestors 'none'; base-uri 'self'`,
  );
  if (ctx.path.startsWith("/api/")) ctx.set("Cache-Control", "no-store");
  await next();
}
