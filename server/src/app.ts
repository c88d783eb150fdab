import Koa from "koa";
import Router from "@koa/router";
import cors from "@koa/cors";
import { bodyParser } from "@koa/bodyparser";
import type { AppContextExtras, AppState } from "./http/context";
import type { Services } from "./services";
import { errorHandler } from "./http/errorHandler";
import { requestContext } from "./http/requestContext";
import { securityHeaders } from "./http/securityHeaders";
import { serveSpa } from "./http/serveStatic";
import { buildOpenApiDocument } from "./http/openapi";
import { mountHealth } from "./routes/health";
import { routeModules } from "./routes/api";
import type { AppRouter } from "./http/mountRoute";
import type { Feature } from "./features/feature";
import { features as registeredFeatures } from "./features/registry";

export type App = Koa<AppState, AppContextExtras>;

/** Builds the Koa app. No listening, no side effects: start.ts listens, tests call app.callback(). */
export function createApp(services: Services, features: readonly Feature[] = registeredFeatures): { app: App; apiRouter: AppRouter } {
  // Behind one proxy: the client address is the last X-Forwarded-For entry (the one our proxy appended),
  // never the leftmost, which the client writes itself (rate limits and audit rows key on it).
  const app: App = new Koa<AppState, AppContextExtras>({ proxy: services.config.trustProxy, maxIpsCount: 1 });
  app.context.services = services;
  app.context.features = features;
  app.silent = true;

  const apiRouter: AppRouter = new Router<AppState, AppContextExtras>({ prefix: "/api/v1" });
  for (const mount of routeModules) mount(apiRouter);
  const openapi = buildOpenApiDocument();
  apiRouter.get("/openapi.json", (ctx) => {
    ctx.body = openapi;
  });

  const rootRouter = new Router<AppState, AppContextExtras>();
  mountHealth(rootRouter);

  const allowed = new Set(services.config.corsOrigins);
  app.use(requestContext);
  app.use(errorHandler);
  app.use(securityHeaders);
  app.use(
    cors({
      origin: (ctx) => {
        const origin = ctx.get("origin");
        return allowed.has(origin) ? origin : "";
      },
      allowHeaders: ["Authorization", "Content-Type", "X-Request-Id"],
      maxAge: 600,
    }),
  );
  app.use(bodyParser({ enableTypes: ["json"], jsonLimit: "256kb", encoding: "utf-8" }));
  app.use(rootRouter.routes());
  app.use(apiRouter.routes());
  app.use(apiRouter.allowedMethods());
  const { admin, h5 } = services.config.staticDirs;
  if (admin) app.use(serveSpa("/admin", admin));
  if (h5) app.use(serveSpa("/h5", h5));
  app.use(async (ctx, next) => {
    if (ctx.path === "/") return ctx.redirect(h5 ? "/h5/" : "/admin/");
    await next();
  });
  return { app, apiRouter };
}
