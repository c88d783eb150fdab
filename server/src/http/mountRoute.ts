import Router from "@koa/router";
import type { z } from "zod";
import type { RouteContract } from "@xinyuan/shared";
import type { AppContext, AppContextExtras, AppState } from "./context";
import { AuthenticationError, ForbiddenError, ValidationError } from "./errors";
import { clientRateKey, consumeRateLimit, type RateLimitRule } from "./rateLimit";
import { authenticateToken, bearerToken } from "../auth/authenticateToken";
import { refuseUnsafeText } from "./unsafeText";

export type AppRouter = Router<AppState, AppContextExtras>;

type Parsed<T> = [T] extends [z.ZodType] ? z.output<T> : undefined;
type BodySchemaOf<C> = C extends RouteContract<infer B, z.ZodType | undefined> ? B : undefined;
type QuerySchemaOf<C> = C extends RouteContract<z.ZodType | undefined, infer Q> ? Q : undefined;

export interface RouteInput<C extends RouteContract> {
  body: Parsed<BodySchemaOf<C>>;
  query: Parsed<QuerySchemaOf<C>>;
  params: Record<string, string>;
}

export interface MountOptions {
  /** Limits per client IP (and per actor once known); a function when the limit comes from configuration. */
  rateLimit?: RateLimitRule | ((config: AppContext["services"]["config"]) => RateLimitRule);
  /** Staff routes a staff member may use before changing the first password / enrolling TOTP. */
  allowPending?: boolean;
}

/**
 * Mounts one contract: rate limit -> authenticate (by audience) -> validate -> handler. The handler's
 * return value becomes the JSON body; it sets ctx.status itself for 201/204.
 */
export function mountRoute<C extends RouteContract>(
  router: AppRouter,
  contract: C,
  handler: (ctx: AppContext, input: RouteInput<C>) => Promise<unknown>,
  options: MountOptions = {},
): void {
  router[contract.method](contract.path, async (ctx) => {
    const appCtx = ctx as unknown as AppContext;
    const { services } = appCtx;
    if (options.rateLimit) {
      const rule = typeof options.rateLimit === "function" ? options.rateLimit(services.config) : options.rateLimit;
      await consumeRateLimit(services.db, services.clock, rule, appCtx.ip ? clientRateKey(appCtx.ip) : "unknown");
    }

    const token = bearerToken(appCtx.get("authorization"));
    if (contract.audience !== "public" || token) {
      if (!token) throw AuthenticationError();
      try {
        const { actor, sessionId } = await authenticateToken(services, token);
        appCtx.state.actor = actor;
        appCtx.state.sessionId = sessionId;
      } catch (error) {
        if (contract.audience !== "public") throw error;
      }
    }
    const actor = appCtx.state.actor;
    if (contract.audience === "staff") {
      if (actor?.type !== "staff") throw actor ? ForbiddenError() : AuthenticationError();
      if (contract.roles && !actor.roles.some((role) => contract.roles!.includes(role))) throw ForbiddenError();
      if (actor.pending.length > 0 && !options.allowPending) {
        throw ForbiddenError(actor.pending.includes("change_password") ? "PASSWORD_CHANGE_REQUIRED" : "TOTP_ENROLMENT_REQUIRED");
      }
    }
    if (contract.audience === "user" && actor?.type !== "user") throw actor ? ForbiddenError() : AuthenticationError();

    refuseUnsafeText({ params: appCtx.params, query: appCtx.query, body: appCtx.request.body });
    const body = contract.body ? parseOrThrow(contract.body, appCtx.request.body ?? {}) : undefined;
    const query = contract.query ? parseOrThrow(contract.query, appCtx.query) : undefined;
    const result = await handler(appCtx, { body, query, params: appCtx.params } as RouteInput<C>);
    if (result !== undefined) appCtx.body = result;
    else if (appCtx.status === 404 && appCtx.body === undefined) appCtx.status = 204;
  });
}

function parseOrThrow(schema: z.ZodType, value: unknown): unknown {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const first = parsed.error.issues[0];
  const fields = parsed.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
  const friendly = first && !first.message.startsWith("Invalid") && /[\u4e00-\u9fa5]/.test(first.message) ? first.message : undefined;
  throw ValidationError({ fields }, friendly);
}
