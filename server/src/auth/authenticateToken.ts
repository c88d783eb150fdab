import { eq } from "drizzle-orm";
import { sessions } from "../db/schema";
import type { Services } from "../services";
import type { Actor } from "./actor";
import { findLiveSession, revokeSession } from "./sessionStore";
import { loadStaffActor, loadUserActor } from "./resolveActor";
import { AuthenticationError } from "../http/errors";

/** Seconds between last-seen writes, so every request does not write a row. */
const touchEverySeconds = 15;

/**
 * Turns a bearer token into an actor. Sessions end after their idle timeout (staff: minutes; students and
 * parents: days, so a phone left in a drawer or handed on does not stay signed in) and at their absolute
 * expiry; an expired session is revoked so it can never come back. Used by HTTP and socket.io alike.
 */
export async function authenticateToken(services: Services, token: string): Promise<{ actor: Actor; sessionId: string }> {
  const { db, clock, config } = services;
  const session = await findLiveSession(db, token);
  if (!session) throw AuthenticationError("UNAUTHENTICATED");
  const now = clock.now();
  const idleLimitMs = session.subjectType === "staff" ? config.sessions.staffIdleMinutes * 60_000 : config.sessions.userIdleDays * 24 * 3_600_000;
  const idle = now.getTime() - session.lastSeenAt.getTime() > idleLimitMs;
  if (idle || now >= session.expiresAt) {
    await revokeSession(db, session.id, now);
    throw AuthenticationError("SESSION_EXPIRED");
  }
  const actor = session.subjectType === "staff" ? await loadStaffActor(db, session.subjectId) : await loadUserActor(db, session.subjectId);
  if (!actor) {
    await revokeSession(db, session.id, now);
    throw AuthenticationError("UNAUTHENTICATED");
  }
  if (now.getTime() - session.lastSeenAt.getTime() > touchEverySeconds * 1000) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, session.id));
  }
  return { actor, sessionId: session.id };
}

export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? "");
  return match?.[1];
}
