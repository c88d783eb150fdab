import { and, eq, isNull, ne } from "drizzle-orm";
import { sessions } from "../db/schema";
import type { DbOrTx } from "../db/database";
import { hashSessionToken, newSessionToken } from "../crypto/tokens";

export type SessionSubject = { type: "staff" | "user"; id: string };

/** Starts a session; returns the token once (only its hash is stored). */
export async function startSession(db: DbOrTx, subject: SessionSubject, now: Date, expiresAt: Date) {
  const { token, tokenHash } = newSessionToken();
  const [row] = await db
    .insert(sessions)
    .values({ tokenHash, subjectType: subject.type, subjectId: subject.id, createdAt: now, lastSeenAt: now, expiresAt })
    .returning({ id: sessions.id });
  return { token, sessionId: row!.id, expiresAt };
}

export async function findLiveSession(db: DbOrTx, token: string) {
  const [row] = await db
    .select()
    .from(sessions)
    .where(and(eq(sessions.tokenHash, hashSessionToken(token)), isNull(sessions.revokedAt)))
    .limit(1);
  return row;
}

export async function revokeSession(db: DbOrTx, sessionId: string, now: Date): Promise<void> {
  await db.update(sessions).set({ revokedAt: now }).where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)));
}

/** Revokes every session of a subject (account disabled, deleted, password reset). */
export async function revokeSessionsOf(db: DbOrTx, subject: SessionSubject, now: Date): Promise<void> {
  await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.subjectType, subject.type), eq(sessions.subjectId, subject.id), isNull(sessions.revokedAt)));
}

/** Revokes every other session of a subject, keeping the one in use (password changed). */
export async function revokeOtherSessionsOf(db: DbOrTx, subject: SessionSubject, keepSessionId: string, now: Date): Promise<void> {
  await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.subjectType, subject.type), eq(sessions.subjectId, subject.id), ne(sessions.id, keepSessionId), isNull(sessions.revokedAt)));
}
