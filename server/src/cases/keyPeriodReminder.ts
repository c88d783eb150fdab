import { and, gte, lte, ne } from "drizzle-orm";
import { caseKeyPeriodReminders, crisisCases, keyPeriods } from "../db/schema";
import type { Services } from "../services";
import { countyDateOf, addDays } from "../hotline/countyTime";
import { appendCaseEvent } from "./caseEvents";
import { noticeCaseChanged } from "./caseNotices";

/**
 * Key periods (exams, school start, holidays, graduation): from `remind_days_before` days ahead until the
 * period ends, every open case gets one "check in with your student" reminder on its timeline and a
 * notice to its owner. One reminder per (case, period), by primary key, so several processes may run it.
 */
export async function keyPeriodReminder(services: Services): Promise<number> {
  const now = services.clock.now();
  const today = countyDateOf(now);
  const periods = (await services.db.select().from(keyPeriods).where(and(gte(keyPeriods.endsOn, today), lte(keyPeriods.startsOn, addDays(today, 30))))).filter(
    (period) => addDays(period.startsOn, -period.remindDaysBefore) <= today,
  );
  if (periods.length === 0) return 0;
  const reminded: Array<{ caseId: string; ownerId: string | null }> = [];
  await services.db.transaction(async (tx) => {
    const open = await tx.select({ id: crisisCases.id, ownerId: crisisCases.ownerId }).from(crisisCases).where(ne(crisisCases.status, "closed"));
    for (const period of periods) {
      for (const row of open) {
        const [inserted] = await tx.insert(caseKeyPeriodReminders).values({ caseId: row.id, keyPeriodId: period.id, at: now }).onConflictDoNothing().returning();
        if (!inserted) continue;
        await appendCaseEvent(tx, services.cipher, { caseId: row.id, kind: "key_period_reminder", actorId: null, at: now, detail: { period: period.name, startsOn: period.startsOn, endsOn: period.endsOn } });
        reminded.push({ caseId: row.id, ownerId: row.ownerId });
      }
    }
  });
  for (const row of reminded) noticeCaseChanged(services, row.caseId, [row.ownerId]);
  return reminded.length;
}
