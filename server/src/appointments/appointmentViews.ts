import { and, asc, desc, eq, gt, gte, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import type { BookingDirectoryView, DayListEntry, SlotView } from "@xinyuan/shared";
import type { Services } from "../services";
import { countyInstant } from "../countyTime";
import type { StaffActor, UserActor } from "../auth/actor";
import { appointmentSlots, appUsers, bookings, counsellingRooms, experts } from "../db/schema";
import { presentBooking, type BookingView } from "./presentBooking";
import { sealed } from "../crypto/sealedColumns";

const activeStatuses = sql`('awaiting_payment', 'confirmed', 'paid', 'attended', 'no_show')`;

/** Open slots of the next 14 days (no active booking on them), of a school's rooms or one expert. */
export async function listOpenSlots(props: { services: Services; schoolId?: string; expertId?: string }): Promise<SlotView[]> {
  const now = props.services.clock.now();
  const filters: SQL[] = [gt(appointmentSlots.startsAt, now), lt(appointmentSlots.startsAt, new Date(now.getTime() + 14 * 86_400_000)), isNull(appointmentSlots.withdrawnAt)];
  if (props.schoolId) filters.push(eq(counsellingRooms.schoolId, props.schoolId));
  if (props.expertId) filters.push(eq(appointmentSlots.expertId, props.expertId));
  // Payments off: paid slots are not offered at all (rather than shown and refused).
  if (!props.services.config.wechatPay.enabled) filters.push(eq(appointmentSlots.priceFen, 0));
  const rows = await props.services.db
    .select({ slot: appointmentSlots, room: counsellingRooms, expert: experts })
    .from(appointmentSlots)
    .leftJoin(counsellingRooms, eq(counsellingRooms.id, appointmentSlots.roomId))
    .leftJoin(experts, eq(experts.id, appointmentSlots.expertId))
    .where(and(...filters, sql`NOT EXISTS (SELECT 1 FROM bookings b WHERE b.slot_id = ${appointmentSlots.id} AND b.status IN ${activeStatuses})`))
    .orderBy(asc(appointmentSlots.startsAt))
    .limit(200);
  return rows.map(({ slot, room, expert }) => ({
    id: slot.id,
    startsAt: slot.startsAt.toISOString(),
    endsAt: slot.endsAt.toISOString(),
    mode: slot.mode,
    priceFen: slot.priceFen,
    room: room ? { id: room.id, name: room.name, location: room.location } : null,
    expert: expert ? { id: expert.id, name: expert.name, title: expert.title, fields: expert.fields } : null,
  }));
}

/** The user's own bookings, newest first. */
export async function listOwnBookings(props: { services: Services; actor: UserActor }): Promise<BookingView[]> {
  const rows = await props.services.db.select({ booking: bookings, slot: appointmentSlots }).from(bookings).innerJoin(appointmentSlots, eq(appointmentSlots.id, bookings.slotId)).where(eq(bookings.userId, props.actor.id)).orderBy(desc(bookings.createdAt)).limit(100);
  return rows.map(({ booking, slot }) => presentBooking(booking, slot));
}

/** Where a staff member works: their slots, their rooms' slots, their expert profile's slots (all for centre admins). */
export function workedBy(actor: StaffActor): SQL | undefined {
  if (actor.roles.includes("centre_admin")) return undefined;
  return or(eq(appointmentSlots.staffId, actor.id), sql`${actor.id}::uuid = ANY(${counsellingRooms.staffIds})`, eq(experts.staffId, actor.id));
}

/** A staff member's day (county time, +08:00): active bookings of the slots they work, alias only. */
export async function dayList(props: { services: Services; actor: StaffActor; day: string }): Promise<DayListEntry[]> {
  const start = countyInstant(props.day);
  const end = new Date(start.getTime() + 86_400_000);
  const rows = await props.services.db
    .select({ booking: bookings, slot: appointmentSlots, alias: appUsers.alias })
    .from(bookings)
    .innerJoin(appointmentSlots, eq(appointmentSlots.id, bookings.slotId))
    .leftJoin(counsellingRooms, eq(counsellingRooms.id, appointmentSlots.roomId))
    .leftJoin(experts, eq(experts.id, appointmentSlots.expertId))
    .leftJoin(appUsers, eq(appUsers.id, bookings.userId))
    .where(and(gte(appointmentSlots.startsAt, start), lt(appointmentSlots.startsAt, end), sql`${bookings.status} IN ('confirmed', 'paid', 'attended', 'no_show')`, workedBy(props.actor)))
    .orderBy(asc(appointmentSlots.startsAt));
  return rows.map(({ booking, slot, alias }) => presentDayEntry(props.services, booking, slot, alias));
}

export function presentDayEntry(services: Services, booking: typeof bookings.$inferSelect, slot: typeof appointmentSlots.$inferSelect, alias: string | null): DayListEntry {
  return {
    bookingId: booking.id,
    slotId: slot.id,
    startsAt: slot.startsAt.toISOString(),
    endsAt: slot.endsAt.toISOString(),
    status: booking.status,
    alias,
    forChild: booking.forChild,
    riskFlag: booking.riskFlag,
    note: booking.noteEnc ? services.cipher.decrypt(booking.noteEnc, sealed.bookingNote.at(booking)) : null,
    mode: slot.mode,
    recorded: booking.contactId !== null,
  };
}

/** What the mini-program shows before choosing: the user's school's rooms, the active experts, the rules. */
export async function bookingDirectory(props: { services: Services; actor: UserActor }): Promise<BookingDirectoryView> {
  const { services } = props;
  const rooms = props.actor.schoolId
    ? await services.db.select().from(counsellingRooms).where(and(eq(counsellingRooms.schoolId, props.actor.schoolId), eq(counsellingRooms.active, true))).orderBy(asc(counsellingRooms.name))
    : [];
  const paymentsEnabled = services.config.wechatPay.enabled;
  const people = await services.db.select().from(experts).where(and(eq(experts.active, true), paymentsEnabled ? undefined : eq(experts.priceFen, 0))).orderBy(asc(experts.name)).limit(100);
  return {
    paymentsEnabled,
    fullRefundHours: services.config.appointments.fullRefundHours,
    holdMinutes: services.config.appointments.holdMinutes,
    rooms: rooms.map((room) => ({ id: room.id, name: room.name, location: room.location, weeklyHours: room.weeklyHours })),
    experts: people.map((expert) => ({ id: expert.id, name: expert.name, title: expert.title, profile: expert.profile, qualifications: expert.qualifications, fields: expert.fields, mode: expert.mode, priceFen: expert.priceFen })),
  };
}
