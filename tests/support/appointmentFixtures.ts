import { randomBytes } from "node:crypto";
import { currentConsentVersions, type AgeBand, type UserRole } from "@xinyuan/shared";
import type { Database } from "../../server/src/db/database";
import { appointmentSlots, appUsers, consents, counsellingRooms, experts } from "../../server/src/db/schema";
import type { UserActor } from "../../server/src/auth/actor";
import { buildSchool } from "./factories";

/** A mini-program account with the counselling consents, as the actor the commands take. */
export async function buildBookingUser(db: Database, props: { role: UserRole; ageBand?: AgeBand }): Promise<UserActor> {
  const ageBand = props.ageBand ?? (props.role === "parent" ? "18_plus" : "14_17");
  const [user] = await db.insert(appUsers).values({ openidHash: randomBytes(16).toString("hex"), alias: `预约-${randomBytes(4).toString("hex")}`, role: props.role, ageBand }).returning();
  await db.insert(consents).values([
    { userId: user!.id, kind: "privacy", version: currentConsentVersions.privacy },
    { userId: user!.id, kind: "sensitive", version: currentConsentVersions.sensitive },
  ]);
  const actor: UserActor = { type: "user", id: user!.id, alias: user!.alias, role: props.role, ageBand, schoolId: null };
  return actor;
}

/** A school's counselling room with one free slot, and an expert with one paid slot, both `hoursAhead` away. */
export async function buildSlots(db: Database, now: Date, props: { hoursAhead?: number; priceFen?: number } = {}) {
  const school = await buildSchool(db);
  const [room] = await db.insert(counsellingRooms).values({ schoolId: school.id, name: "心理辅导室", weeklyHours: [{ weekday: 3, start: "14:00", end: "17:00" }] }).returning();
  const [expert] = await db.insert(experts).values({ name: "王老师", title: "国家二级心理咨询师", fields: ["亲子关系"], priceFen: props.priceFen ?? 20000 }).returning();
  const startsAt = new Date(now.getTime() + (props.hoursAhead ?? 72) * 3600_000);
  const endsAt = new Date(startsAt.getTime() + 50 * 60_000);
  const [freeSlot] = await db.insert(appointmentSlots).values({ roomId: room!.id, startsAt, endsAt, priceFen: 0 }).returning();
  const [paidSlot] = await db.insert(appointmentSlots).values({ expertId: expert!.id, startsAt, endsAt, priceFen: expert!.priceFen }).returning();
  return { school, room: room!, expert: expert!, freeSlot: freeSlot!, paidSlot: paidSlot! };
}
