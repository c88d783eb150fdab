import type Router from "@koa/router";
import type { AppContextExtras, AppState } from "../http/context";
import { migrationStatus } from "../db/openDatabase";

/** /healthz: the process is up. /readyz: the database answers and every migration is applied. */
export function mountHealth(router: Router<AppState, AppContextExtras>): void {
  router.get("/healthz", (ctx) => {
    ctx.body = { status: "ok" };
  });
  router.get("/readyz", async (ctx) => {
    try {
      const { expected, applied } = await migrationStatus(ctx.services.db);
      const ready = applied >= expected;
      ctx.status = ready ? 200 : 503;
      ctx.body = { status: ready ? "ready" : "migrating", migrations: { expected, applied } };
    } catch {
      ctx.status = 503;
      ctx.body = { status: "database_unreachable" };
    }
  });
}
