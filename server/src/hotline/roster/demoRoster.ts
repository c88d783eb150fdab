import type { Services } from "../../services";
import type { AuditOrigin } from "../../audit/recordAudit";
import { addDays, countyDateOf, countyInstant } from "../../countyTime";
import { shiftCreator } from "./shiftCreator";

/** The three shifts of a county day (county time): 日班, 晚班, 夜班 — together they cover every hour. */
export const demoShiftPattern = [
  { start: "08:00", end: "16:00", note: "日班" },
  { start: "16:00", end: "24:00", note: "晚班" },
  { start: "00:00", end: "08:00", note: "夜班" },
] as const;

/**
 * DEMO: a two-week rota of eight-hour shifts for the county's hotline counsellors, from yesterday on.
 * The three counsellors rotate through the three shifts (each works one shift a day, never two in a
 * row), so at every hour exactly one of them is rostered: the line is open whenever someone tries the
 * demo, and any of them (or any county counsellor) who goes 值班 in the admin answers the queue. Made
 * through the roster's own command, so overlaps are refused and every shift is audited.
 */
export async function seedDemoRoster(props: { services: Services; counsellorIds: readonly string[]; createdBy: string; origin: AuditOrigin }): Promise<number> {
  const { services, counsellorIds } = props;
  if (counsellorIds.length === 0) return 0;
  const firstDay = addDays(countyDateOf(services.clock.now()), -1);
  let added = 0;
  await services.db.transaction(async (tx) => {
    for (let day = 0; day < 15; day += 1) {
      const date = addDays(firstDay, day);
      for (const [index, shift] of demoShiftPattern.entries()) {
        await shiftCreator({
          tx,
          staffId: counsellorIds[(day + index) % counsellorIds.length]!,
          startsAt: countyInstant(date, shift.start),
          endsAt: countyInstant(date, shift.end),
          note: `演示${shift.note}`,
          createdBy: props.createdBy,
          origin: props.origin,
        });
        added += 1;
      }
    }
  });
  return added;
}
