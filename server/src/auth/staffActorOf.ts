import type { AppContext } from "../http/context";
import { AuthenticationError } from "../http/errors";
import type { StaffActor } from "./actor";

/** The signed-in staff member of a "staff" audience route (mountRoute has already checked it). */
export function staffActorOf(ctx: AppContext): StaffActor {
  const actor = ctx.state.actor;
  if (actor?.type !== "staff") throw AuthenticationError();
  return actor;
}
