import type { AppContext } from "../http/context";
import { AuthenticationError } from "../http/errors";
import type { UserActor } from "./actor";

/** The signed-in mini-program user of a "user" audience route (mountRoute has already checked it). */
export function userActorOf(ctx: AppContext): UserActor {
  const actor = ctx.state.actor;
  if (actor?.type !== "user") throw AuthenticationError();
  return actor;
}
