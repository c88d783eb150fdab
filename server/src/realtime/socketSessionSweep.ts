import { and, inArray, isNotNull, lte, or, sql } from "drizzle-orm";
import { sessions, staff } from "../db/schema";
import type { Services } from "../services";
import { staffActorFromRow } from "../auth/resolveActor";
import type { XinyuanSocketServer } from "./socketServer";
import type { StaffActor } from "../auth/actor";
import { stageTimings } from "./stageTimings";

/** What socket rooms are granted on: roles and scope (order of roles does not matter). */
const rightsOf = (actor: StaffActor) => JSON.stringify([[...actor.roles].sort(), actor.scope.level, actor.scope.areaId, actor.scope.schoolId]);

/**
 * Sockets authenticate once, at the handshake; this keeps them honest afterwards (run by the presence
 * heartbeat, every few seconds). A socket whose session was revoked (sign-out, account disabled or
 * deleted, password reset) or reached its absolute expiry is disconnected. A staff socket whose roles or
 * scope changed is disconnected too: the rooms it joined (a watched chat, the counsellors' queue) were
 * granted under the old rights, and only a new handshake re-grants them through the features' policies;
 * the admin reconnects on "io server disconnect". Otherwise the reloaded actor replaces the old one. Idle time is not applied here: a
 * counsellor in a long chat works over the socket without HTTP requests, and the admin signs out idle
 * staff itself. Returns how many sockets were disconnected.
 */
export async function sweepSocketSessions(io: XinyuanSocketServer, services: Services): Promise<number> {
  const began = performance.now();
  const sockets = [...io.of("/").sockets.values()].filter((socket) => socket.data.sessionId);
  if (sockets.length === 0) return 0;
  const now = services.clock.now();
  const sessionIds = [...new Set(sockets.map((socket) => socket.data.sessionId))];
  // One jsonb parameter, not one bind parameter per socket: with 10 000 sockets the IN list took the
  // query builder, the event loop and PostgreSQL's parser ~100 ms every sweep (the chat p99, issue 15).
  const ended = await services.db
    .select({ id: sessions.id })
    .from(sessions)
    .where(and(sql`${sessions.id} IN (SELECT jsonb_array_elements_text(${JSON.stringify(sessionIds)}::jsonb)::uuid)`, or(isNotNull(sessions.revokedAt), lte(sessions.expiresAt, now))));
  const endedIds = new Set(ended.map((row) => row.id));

  const staffIds = [...new Set(sockets.filter((socket) => socket.data.actor.type === "staff").map((socket) => socket.data.actor.id))];
  const staffRows = staffIds.length > 0 ? await services.db.select().from(staff).where(inArray(staff.id, staffIds)) : [];
  const actors = new Map(await Promise.all(staffRows.filter((row) => row.status === "active").map(async (row) => [row.id, await staffActorFromRow(services.db, row)] as const)));

  let disconnected = 0;
  for (const socket of sockets) {
    const actor = socket.data.actor;
    const fresh = actor.type === "staff" ? actors.get(actor.id) : undefined;
    const staffGone = actor.type === "staff" && (!fresh || fresh.pending.length > 0);
    const rightsChanged = actor.type === "staff" && fresh !== undefined && rightsOf(fresh) !== rightsOf(actor);
    if (endedIds.has(socket.data.sessionId) || staffGone || rightsChanged) {
      socket.disconnect(true);
      disconnected += 1;
    } else if (fresh) {
      socket.data.actor = fresh;
    }
  }
  stageTimings.add("presence: socket session sweep", performance.now() - began);
  return disconnected;
}
