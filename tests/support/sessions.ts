import type { Database } from "../../server/src/db/database";
import { startSession } from "../../server/src/auth/sessionStore";

/** A session token for a staff member or user, without going through login (for socket and API tests). */
export async function sessionTokenFor(db: Database, subject: { type: "staff" | "user"; id: string }, now = new Date()): Promise<string> {
  const { token } = await startSession(db, subject, now, new Date(now.getTime() + 12 * 3600_000));
  return token;
}
