import { and, asc, eq, gt, inArray, lt, sql } from "drizzle-orm";
import type { ExpertBody, ExpertView, ManagedSlotView, RoomBody, RoomView } from "@xinyuan/shared";
import type { Services } from "../services";
import { appointmentSlots, counsellingRooms, experts, schools, staff } from "../db/schema";
import { recordAudit, type AuditOrigin } from "../audit/recordAudit";
import { AppError, NotFoundError } from "../http/errors";
import { slotGenerator, slotHorizonDays, withdrawUnpatternedSlots } from "./slotGenerator";

type RoomRow = typeof counsellingRooms.$inferSelect;
type ExpertRow = typeof experts.$inferSelect;

export function presentRoom(row: RoomRow, schoolName: string | null): RoomView {
  return { id: row.id, schoolId: row.schoolId, schoolName, name: row.name, location: row.location, weeklyHours: row.weeklyHours, slotMinutes: row.slotMinutes, staffIds: row.staffIds, active: row.active };
}

export function presentExpert(row: ExpertRow): ExpertView {
  return { id: row.id, name: row.name, title: row.title, profile: row.profile, qualifications: row.qualifications, fields: row.fields, mode: row.mode, priceFen: row.priceFen, staffId: row.staffId, weeklyHours: row.weeklyHours, slotMinutes: row.slotMinutes, active: row.active };
}

async function requireStaffExist(services: Services, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const found = await services.db.select({ id: staff.id }).from(staff).where(inArray(staff.id, ids));
  if (found.length !== new Set(ids).size) throw new AppError(400, "VALIDATION_FAILED", "所选的工作人员不存在，请刷新后重选。");
}

/**
 * Creates or updates a school's counselling room. New hours take effect at once: slots nobody booked
 * that the new hours no longer give are removed, and the next 14 days are generated (idempotent).
 */
export async function roomSaver(props: { services: Services; roomId: string | null; input: RoomBody; origin: AuditOrigin }): Promise<RoomView> {
  const { services, input } = props;
  const [school] = await services.db.select({ name: schools.name }).from(schools).where(eq(schools.id, input.schoolId)).limit(1);
  if (!school) throw new AppError(404, "SCHOOL_NOT_FOUND");
  await requireStaffExist(services, input.staffIds);
  const values = { schoolId: input.schoolId, name: input.name, location: input.location, weeklyHours: input.weeklyHours, slotMinutes: input.slotMinutes, staffIds: [...new Set(input.staffIds)], active: input.active };
  const row = await services.db.transaction(async (tx) => {
    const [saved] = props.roomId ? await tx.update(counsellingRooms).set(values).where(eq(counsellingRooms.id, props.roomId)).returning() : await tx.insert(counsellingRooms).values(values).returning();
    if (!saved) throw NotFoundError();
    await recordAudit(tx, props.origin, { action: props.roomId ? "appointment.room.update" : "appointment.room.create", targetType: "counselling_room", targetId: saved.id, detail: { weeklyHours: saved.weeklyHours, active: saved.active } });
    return saved;
  });
  await withdrawUnpatternedSlots({ services, owner: { roomId: row.id }, weeklyHours: row.active ? row.weeklyHours : [], slotMinutes: row.slotMinutes });
  await slotGenerator({ services });
  return presentRoom(row, school.name);
}

/** Creates or updates an expert (profile, qualifications, fields, mode, price, recurring hours); slots follow as for rooms. */
export async function expertSaver(props: { services: Services; expertId: string | null; input: ExpertBody; origin: AuditOrigin }): Promise<ExpertView> {
  const { services, input } = props;
  if (input.staffId) await requireStaffExist(services, [input.staffId]);
  const values = { ...input };
  const row = await services.db.transaction(async (tx) => {
    const [saved] = props.expertId ? await tx.update(experts).set(values).where(eq(experts.id, props.expertId)).returning() : await tx.insert(experts).values(values).returning();
    if (!saved) throw NotFoundError();
    await recordAudit(tx, props.origin, { action: props.expertId ? "appointment.expert.update" : "appointment.expert.create", targetType: "expert", targetId: saved.id, detail: { priceFen: saved.priceFen, weeklyHours: saved.weeklyHours, active: saved.active } });
    return saved;
  });
  await withdrawUnpatternedSlots({ services, owner: { expertId: row.id }, weeklyHours: row.active ? row.weeklyHours : [], slotMinutes: row.slotMinutes });
  await slotGenerator({ services });
  return presentExpert(row);
}

export async function listRooms(props: { services: Services; schoolId?: string }): Promise<RoomView[]> {
  const rows = await props.services.db
    .select({ room: counsellingRooms, schoolName: schools.name })
    .from(counsellingRooms)
    .leftJoin(schools, eq(schools.id, counsellingRooms.schoolId))
    .where(props.schoolId ? eq(counsellingRooms.schoolId, props.schoolId) : undefined)
    .orderBy(asc(schools.name), asc(counsellingRooms.name))
    .limit(500);
  return rows.map(({ room, schoolName }) => presentRoom(room, schoolName));
}

export async function listExpertRows(services: Services): Promise<ExpertView[]> {
  return (await services.db.select().from(experts).orderBy(asc(experts.name)).limit(500)).map(presentExpert);
}

/** The next 14 days of one room's or expert's slots, with whether each is booked (status only, never who). */
export async function listManagedSlots(props: { services: Services; roomId?: string; expertId?: string }): Promise<ManagedSlotView[]> {
  if (!props.roomId === !props.expertId) throw new AppError(400, "APPOINTMENT_OWNER_REQUIRED");
  const now = props.services.clock.now();
  const rows = await props.services.db
    .select({
      slot: appointmentSlots,
      bookingStatus: sql<string | null>`(SELECT b.status FROM bookings b WHERE b.slot_id = "appointment_slots"."id" AND b.status IN ('awaiting_payment', 'confirmed', 'paid', 'attended', 'no_show') LIMIT 1)`,
    })
    .from(appointmentSlots)
    .where(and(props.roomId ? eq(appointmentSlots.roomId, props.roomId) : eq(appointmentSlots.expertId, props.expertId!), gt(appointmentSlots.endsAt, now), lt(appointmentSlots.startsAt, new Date(now.getTime() + (slotHorizonDays + 1) * 86_400_000))))
    .orderBy(asc(appointmentSlots.startsAt))
    .limit(500);
  return rows.map(({ slot, bookingStatus }) => ({ id: slot.id, startsAt: slot.startsAt.toISOString(), endsAt: slot.endsAt.toISOString(), mode: slot.mode, priceFen: slot.priceFen, withdrawn: slot.withdrawnAt !== null, bookingStatus }));
}
