import type { AppContext } from "../../../http/context";
import type { StaffActor, UserActor } from "../../../auth/actor";
import { AuthenticationError } from "../../../http/errors";

export function staffOf(ctx: AppContext): StaffActor {
  const actor = ctx.state.actor;
  if (actor?.type !== "staff") throw AuthenticationError();
  return actor;
}

export function userOf(ctx: AppContext): UserActor {
  const actor = ctx.state.actor;
  if (actor?.type !== "user") throw AuthenticationError();
  return actor;
}

/** Sends a cached JSON body with its ETag, or 304 when the client already has it. */
export function sendCached(ctx: AppContext, body: { json: string; etag: string }): string | undefined {
  ctx.set("ETag", body.etag);
  ctx.set("Cache-Control", "private, no-cache");
  if (ctx.get("if-none-match") === body.etag) {
    ctx.status = 304;
    return undefined;
  }
  ctx.type = "application/json";
  return body.json;
}
