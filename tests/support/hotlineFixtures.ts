import { randomBytes, randomUUID } from "node:crypto";
import { currentConsentVersions } from "@xinyuan/shared";
import { appUsers, consents, hotlineHolidays, hotlineShifts, hotlineTickets, staff, staffConnections, staffLeave, staffPresence } from "../../server/src/db/schema";
import type { Database } from "../../server/src/db/database";
import { writeDuty } from "../../server/src/presence/dutyState";
import { registerConnection } from "../../server/src/presence/connectionRegistry";
import { buildStaff, type BuiltStaff } from "./factories";
import { sessionTokenFor } from "./sessions";

/**
 * Puts a staff member on hotline duty with a live connection row, as an open admin tab would (the
 * presence heartbeat keeps real sockets fresh; tests that move the clock re-register).
 */
export async function putOnHotlineDuty(db: Database, staffId: string, now: Date): Promise<string> {
  const socketId = `test-${randomUUID()}`;
  await writeDuty(db, staffId, { onDuty: true, channels: ["hotline"] }, now);
  await registerConnection(db, socketId, staffId, now);
  return socketId;
}

/** A county hotline counsellor, on duty and connected, with a bearer header. */
export async function buildHotlineCounsellor(db: Database, now: Date, props: Parameters<typeof buildStaff>[1] = {}): Promise<BuiltStaff & { auth: { Authorization: string } }> {
  const member = await buildStaff(db, { roles: ["counsellor"], scope: "county", ...props });
  await putOnHotlineDuty(db, member.id, now);
  return { ...member, auth: { Authorization: `Bearer ${await sessionTokenFor(db, { type: "staff", id: member.id })}` } };
}

export async function staffAuth(db: Database, member: { id: string }): Promise<{ Authorization: string }> {
  return { Authorization: `Bearer ${await sessionTokenFor(db, { type: "staff", id: member.id })}` };
}

/** Opens the line by rostering someone around `now` (roster-driven opening hours). */
export async function rosterShiftAround(db: Database, staffId: string, now: Date, hours = 4): Promise<void> {
  await db.insert(hotlineShifts).values({ staffId, startsAt: new Date(now.getTime() - 3600_000), endsAt: new Date(now.getTime() + hours * 3600_000) });
}

/** A consented 14–17 user created straight in the database (for volume tests; HTTP join tests sign in). */
export async function buildCaller(db: Database, props: { schoolId?: string } = {}): Promise<{ id: string; alias: string }> {
  const [user] = await db
    .insert(appUsers)
    .values({ openidHash: randomBytes(16).toString("hex"), alias: `测试-${randomBytes(4).toString("hex")}`, role: "student", ageBand: "14_17", schoolId: props.schoolId ?? null })
    .returning();
  await db.insert(consents).values([
    { userId: user!.id, kind: "privacy", version: currentConsentVersions.privacy },
    { userId: user!.id, kind: "sensitive", version: currentConsentVersions.sensitive },
  ]);
  return { id: user!.id, alias: user!.alias };
}

/** Many county counsellors at once, without password hashing (they never log in): volume and race tests. */
export async function buildOnDutyCounsellors(db: Database, count: number, now: Date): Promise<string[]> {
  const rows = await db
    .insert(staff)
    .values(
      Array.from({ length: count }, () => ({
        username: `bulk_${randomBytes(5).toString("hex")}`,
        displayName: `值班老师${randomBytes(2).toString("hex")}`,
        passwordHash: "not-a-login-account",
        roles: ["counsellor"],
        scopeLevel: "county",
        mustChangePassword: false,
      })),
    )
    .returning({ id: staff.id });
  const ids = rows.map((row) => row.id);
  await db.insert(staffPresence).values(ids.map((staffId) => ({ staffId, onDuty: true, channels: ["hotline"], changedAt: now })));
  await db.insert(staffConnections).values(ids.map((staffId) => ({ socketId: `test-${randomUUID()}`, staffId, instanceId: "tests", connectedAt: now, lastSeenAt: now })));
  return ids;
}

/** Many waiting tickets of consented callers at once, joined a second apart from `firstJoinedAt`. */
export async function buildWaitingTickets(db: Database, count: number, firstJoinedAt: Date) {
  const users = await db
    .insert(appUsers)
    .values(Array.from({ length: count }, () => ({ openidHash: randomBytes(16).toString("hex"), alias: `测试-${randomBytes(5).toString("hex")}`, role: "student", ageBand: "14_17" })))
    .returning({ id: appUsers.id });
  return db
    .insert(hotlineTickets)
    .values(
      users.map((user, index) => {
        const joinedAt = new Date(firstJoinedAt.getTime() + index * 1000);
        return { userId: user.id, kind: "inbound", joinedAt, firstReadyAt: joinedAt, readyAt: joinedAt };
      }),
    )
    .returning();
}

/** Empties the roster, leave and holidays, so a schedule test sees only the shifts it adds. */
export async function clearRoster(db: Database): Promise<void> {
  await db.delete(hotlineShifts);
  await db.delete(staffLeave);
  await db.delete(hotlineHolidays);
}
