import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { Services } from "../services";
import { appointmentSlots, counsellingRooms, experts } from "../db/schema";

export type WeeklyHours = Array<{ weekday: number; start: string; end: string }>;

/** How far ahead slots exist; the booking list shows the next 14 days. */
export const slotHorizonDays = 14;
const countyOffsetMs = 8 * 3600_000;

/**
 * The start times one week pattern gives over `days` county days from `now` (weekday 1 = Monday … 7 =
 * Sunday, times in county time, +08:00, no daylight saving). Each opening is cut into `slotMinutes` pieces;
 * a remainder shorter than one slot is left out. Only times after `now`.
 */
export function slotTimesOf(props: { weeklyHours: WeeklyHours; slotMinutes: number; now: Date; days: number }): Array<{ startsAt: Date; endsAt: Date }> {
  const times: Array<{ startsAt: Date; endsAt: Date }> = [];
  const countyNow = new Date(props.now.getTime() + countyOffsetMs);
  const firstDay = Date.UTC(countyNow.getUTCFullYear(), countyNow.getUTCMonth(), countyNow.getUTCDate());
  const step = props.slotMinutes * 60_000;
  for (let offset = 0; offset < props.days; offset += 1) {
    const dayStart = firstDay + offset * 86_400_000;
    const weekday = ((new Date(dayStart).getUTCDay() + 6) % 7) + 1;
    for (const opening of props.weeklyHours.filter((entry) => entry.weekday === weekday)) {
      const from = dayStart + minutesOf(opening.start) * 60_000 - countyOffsetMs;
      const to = dayStart + minutesOf(opening.end) * 60_000 - countyOffsetMs;
      for (let start = from; start + step <= to; start += step) {
        if (start > props.now.getTime()) times.push({ startsAt: new Date(start), endsAt: new Date(start + step) });
      }
    }
  }
  return times;
}

function minutesOf(hhmm: string): number {
  const [hours, minutes] = hhmm.split(":").map(Number);
  return hours! * 60 + minutes!;
}

/**
 * Turns every active room's opening hours and every active expert's recurring hours into slots for the
 * next `slotHorizonDays` days. Idempotent and safe with several processes: the unique (room, start) and
 * (expert, start) indexes plus ON CONFLICT DO NOTHING mean a second run, or a concurrent one, adds nothing.
 * Room slots are free; an expert's slots take the expert's price as it is today (a later price change
 * applies to slots generated after it). Returns how many slots were added.
 */
export async function slotGenerator(props: { services: Services; days?: number }): Promise<number> {
  const { services } = props;
  const now = services.clock.now();
  const days = props.days ?? slotHorizonDays;
  let added = 0;
  const rooms = await services.db.select().from(counsellingRooms).where(eq(counsellingRooms.active, true));
  for (const room of rooms) {
    const values = slotTimesOf({ weeklyHours: room.weeklyHours, slotMinutes: room.slotMinutes, now, days }).map((time) => ({ ...time, roomId: room.id, mode: "place", priceFen: 0 }));
    if (values.length === 0) continue;
    const inserted = await services.db.insert(appointmentSlots).values(values).onConflictDoNothing().returning({ id: appointmentSlots.id });
    added += inserted.length;
  }
  const people = await services.db.select().from(experts).where(eq(experts.active, true));
  for (const expert of people) {
    const mode = expert.mode === "online" ? "online" : "place";
    const values = slotTimesOf({ weeklyHours: expert.weeklyHours, slotMinutes: expert.slotMinutes, now, days }).map((time) => ({ ...time, expertId: expert.id, staffId: expert.staffId, mode, priceFen: expert.priceFen }));
    if (values.length === 0) continue;
    const inserted = await services.db.insert(appointmentSlots).values(values).onConflictDoNothing().returning({ id: appointmentSlots.id });
    added += inserted.length;
  }
  return added;
}

/**
 * After a room's or expert's weekly hours change: future slots nobody booked that the new pattern no
 * longer gives are removed (actively booked ones stay; staff contact the booker). Then the generator fills in.
 */
export async function withdrawUnpatternedSlots(props: { services: Services; owner: { roomId: string } | { expertId: string }; weeklyHours: WeeklyHours; slotMinutes: number }): Promise<number> {
  const now = props.services.clock.now();
  const keep = new Set(slotTimesOf({ weeklyHours: props.weeklyHours, slotMinutes: props.slotMinutes, now, days: slotHorizonDays + 1 }).map((time) => `${time.startsAt.getTime()}-${time.endsAt.getTime()}`));
  const ownerFilter = "roomId" in props.owner ? eq(appointmentSlots.roomId, props.owner.roomId) : eq(appointmentSlots.expertId, props.owner.expertId);
  const future = await props.services.db
    .select({ id: appointmentSlots.id, startsAt: appointmentSlots.startsAt, endsAt: appointmentSlots.endsAt })
    .from(appointmentSlots)
    .where(and(ownerFilter, gt(appointmentSlots.startsAt, now), isNull(appointmentSlots.withdrawnAt), sql`NOT EXISTS (SELECT 1 FROM bookings b WHERE b.slot_id = "appointment_slots"."id" AND b.status IN ('awaiting_payment', 'confirmed', 'paid', 'attended', 'no_show'))`));
  const stale = future.filter((slot) => !keep.has(`${slot.startsAt.getTime()}-${slot.endsAt.getTime()}`));
  for (const slot of stale) {
    // Never booked: deleted, so the (owner, start) key is free if the pattern comes back; else withdrawn (kept for the records).
    const deleted = await props.services.db.delete(appointmentSlots).where(and(eq(appointmentSlots.id, slot.id), sql`NOT EXISTS (SELECT 1 FROM bookings b WHERE b.slot_id = "appointment_slots"."id")`)).returning({ id: appointmentSlots.id });
    if (deleted.length === 0) await props.services.db.update(appointmentSlots).set({ withdrawnAt: now }).where(and(eq(appointmentSlots.id, slot.id), isNull(appointmentSlots.withdrawnAt)));
  }
  return stale.length;
}
