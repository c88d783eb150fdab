import supertest from "supertest";
import { loadConfig } from "../../server/src/config";
import { buildServices } from "../../server/src/buildServices";
import { createApp } from "../../server/src/app";
import { features as registeredFeatures } from "../../server/src/features/registry";
import type { Feature } from "../../server/src/features/feature";
import { adjustableClock } from "../../server/src/clock";
import { createLogger } from "../../server/src/logger";
import { startFakeWechatApi } from "../fakes/fakeWechatApiServer";
import { openTestDatabase } from "./testDatabase";

/**
 * Environment every test app starts from; tests may add to it. The county line's service hours are the
 * whole day, so a test that books a call-back does not depend on the hour it runs at (call-back windows
 * are only offered inside the service hours); tests of the hours themselves set them.
 */
export function testEnvironment(wechatApiBase: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { NODE_ENV: "test", LOG_LEVEL: "silent", WECHAT_API_BASE: wechatApiBase, HOTLINE_SERVICE_HOURS: "00:00-24:00", ...extra };
}

/**
 * A real app over a real, freshly migrated database (PGlite or PostgreSQL per XINYUAN_TEST_DB), a real
 * fake-WeChat HTTP server, and an adjustable clock. Requests go through supertest to app.callback().
 */
export async function createTestApp(extraEnvironment: Record<string, string> = {}) {
  const database = await openTestDatabase();
  const wechat = await startFakeWechatApi();
  const config = loadConfig(testEnvironment(wechat.baseUrl, extraEnvironment));
  const clock = adjustableClock();
  const services = buildServices(config, database, { clock, log: createLogger("silent") });
  // The registry as this app serves it; a test may add a feature for itself (export sections, deletion steps).
  const features: Feature[] = [...registeredFeatures];
  const { app, apiRouter } = createApp(services, features);
  const request = supertest(app.callback());
  return {
    app,
    apiRouter,
    request,
    services,
    features,
    db: database.db,
    database,
    clock,
    wechat,
    async close() {
      await wechat.close();
      await database.close();
    },
  };
}

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;
