import { asc, eq } from "drizzle-orm";
import { apiRoutes, type ChecklistItemView, type InstitutionView, type KeyPeriodView, type SchoolPlanView } from "@xinyuan/shared";
import { mountRoute, type AppRouter } from "../../../http/mountRoute";
import { idOf } from "../../../http/routeParams";
import { AppError } from "../../../http/errors";
import { originOf, recordAudit } from "../../../audit/recordAudit";
import { authorize } from "../../../access/authorize";
import { caseChecklistItems, caseKeyPeriodReminders, keyPeriods, referralInstitutions, schoolEmergencyPlans, schools } from "../../../db/schema";
import { isUniqueViolation } from "../../../db/uniqueViolation";
import { presentChecklistItem, presentInstitution, presentKeyPeriod } from "../../../cases/presentCaseSettings";
import { canEditSchoolPlan, canManageCaseSettings, canReadSchoolPlan } from "../../../cases/caseSettingsPolicy";
import type { DbOrTx } from "../../../db/database";

async function schoolPlace(db: DbOrTx, schoolId: string) {
  const [school] = await db.select().from(schools).where(eq(schools.id, schoolId)).limit(1);
  if (!school) throw new AppError(404, "SCHOOL_NOT_FOUND");
  return school;
}

/**
 * The centre's case settings: referral institutions, the emergency checklist per level, the key-period
 * calendar (county centre admins), and each school's 应急预案 (its centre admins). Small CRUD, audited.
 */
export function mountCaseSettingsRoutes(router: AppRouter): void {
  mountRoute(router, apiRoutes.listInstitutions, async (ctx): Promise<InstitutionView[]> =>
    (await ctx.services.db.select().from(referralInstitutions).orderBy(asc(referralInstitutions.createdAt), asc(referralInstitutions.name))).map(presentInstitution),
  );
  mountRoute(router, apiRoutes.createInstitution, async (ctx, { body }): Promise<InstitutionView> => {
    authorize(canManageCaseSettings(ctx.state.actor));
    try {
      const row = await ctx.services.db.transaction(async (tx) => {
        const [inserted] = await tx.insert(referralInstitutions).values(body).returning();
        await recordAudit(tx, originOf(ctx), { action: "case_institution.create", targetType: "referral_institution", targetId: inserted!.id, detail: { name: body.name } });
        return inserted!;
      });
      ctx.status = 201;
      return presentInstitution(row);
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError(409, "CONFLICT", "已有同名的机构。");
      throw error;
    }
  });
  mountRoute(router, apiRoutes.updateInstitution, async (ctx, { body, params }): Promise<InstitutionView> => {
    authorize(canManageCaseSettings(ctx.state.actor));
    const id = idOf(params);
    const row = await ctx.services.db.transaction(async (tx) => {
      const [updated] = await tx.update(referralInstitutions).set(body).where(eq(referralInstitutions.id, id)).returning();
      if (!updated) throw new AppError(404, "CASE_INSTITUTION_NOT_FOUND");
      await recordAudit(tx, originOf(ctx), { action: "case_institution.update", targetType: "referral_institution", targetId: id, detail: { name: body.name, active: body.active } });
      return updated;
    });
    return presentInstitution(row);
  });

  mountRoute(router, apiRoutes.listChecklistItems, async (ctx): Promise<ChecklistItemView[]> =>
    (await ctx.services.db.select().from(caseChecklistItems).orderBy(asc(caseChecklistItems.level), asc(caseChecklistItems.sortOrder))).map(presentChecklistItem),
  );
  mountRoute(router, apiRoutes.createChecklistItem, async (ctx, { body }): Promise<ChecklistItemView> => {
    authorize(canManageCaseSettings(ctx.state.actor));
    const row = await ctx.services.db.transaction(async (tx) => {
      const [inserted] = await tx.insert(caseChecklistItems).values(body).returning();
      await recordAudit(tx, originOf(ctx), { action: "case_checklist.create", targetType: "case_checklist_item", targetId: inserted!.id, detail: { level: body.level, label: body.label } });
      return inserted!;
    });
    ctx.status = 201;
    return presentChecklistItem(row);
  });
  mountRoute(router, apiRoutes.updateChecklistItem, async (ctx, { body, params }): Promise<ChecklistItemView> => {
    authorize(canManageCaseSettings(ctx.state.actor));
    const id = idOf(params);
    const row = await ctx.services.db.transaction(async (tx) => {
      const [updated] = await tx.update(caseChecklistItems).set(body).where(eq(caseChecklistItems.id, id)).returning();
      if (!updated) throw new AppError(404, "CASE_CHECKLIST_ITEM_NOT_FOUND");
      await recordAudit(tx, originOf(ctx), { action: "case_checklist.update", targetType: "case_checklist_item", targetId: id, detail: { level: body.level, label: body.label, active: body.active } });
      return updated;
    });
    return presentChecklistItem(row);
  });

  mountRoute(router, apiRoutes.listKeyPeriods, async (ctx): Promise<KeyPeriodView[]> => (await ctx.services.db.select().from(keyPeriods).orderBy(asc(keyPeriods.startsOn))).map(presentKeyPeriod));
  mountRoute(router, apiRoutes.createKeyPeriod, async (ctx, { body }): Promise<KeyPeriodView> => {
    authorize(canManageCaseSettings(ctx.state.actor));
    const row = await ctx.services.db.transaction(async (tx) => {
      const [inserted] = await tx.insert(keyPeriods).values(body).returning();
      await recordAudit(tx, originOf(ctx), { action: "key_period.create", targetType: "key_period", targetId: inserted!.id, detail: body });
      return inserted!;
    });
    ctx.status = 201;
    return presentKeyPeriod(row);
  });
  mountRoute(router, apiRoutes.deleteKeyPeriod, async (ctx, { params }): Promise<undefined> => {
    authorize(canManageCaseSettings(ctx.state.actor));
    const id = idOf(params);
    await ctx.services.db.transaction(async (tx) => {
      const [period] = await tx.select().from(keyPeriods).where(eq(keyPeriods.id, id)).for("update");
      if (!period) throw new AppError(404, "KEY_PERIOD_NOT_FOUND");
      await tx.delete(caseKeyPeriodReminders).where(eq(caseKeyPeriodReminders.keyPeriodId, id));
      await tx.delete(keyPeriods).where(eq(keyPeriods.id, id));
      await recordAudit(tx, originOf(ctx), { action: "key_period.delete", targetType: "key_period", targetId: id, detail: { name: period.name } });
    });
    ctx.status = 204;
    return undefined;
  });

  mountRoute(router, apiRoutes.getSchoolPlan, async (ctx, { params }): Promise<SchoolPlanView> => {
    const school = await schoolPlace(ctx.services.db, idOf(params));
    authorize(canReadSchoolPlan(ctx.state.actor, { schoolId: school.id, areaId: school.areaId }), () => new AppError(404, "SCHOOL_NOT_FOUND"));
    const [plan] = await ctx.services.db.select().from(schoolEmergencyPlans).where(eq(schoolEmergencyPlans.schoolId, school.id)).limit(1);
    return { schoolId: school.id, schoolName: school.name, planText: plan?.planText ?? "", contacts: plan?.contacts ?? [], updatedAt: plan?.updatedAt.toISOString() ?? null };
  });
  mountRoute(router, apiRoutes.putSchoolPlan, async (ctx, { params, body }): Promise<SchoolPlanView> => {
    const school = await schoolPlace(ctx.services.db, idOf(params));
    authorize(canEditSchoolPlan(ctx.state.actor, { schoolId: school.id, areaId: school.areaId }));
    const now = ctx.services.clock.now();
    const actorId = ctx.state.actor?.id ?? null;
    await ctx.services.db.transaction(async (tx) => {
      await tx
        .insert(schoolEmergencyPlans)
        .values({ schoolId: school.id, planText: body.planText, contacts: body.contacts, updatedBy: actorId, updatedAt: now })
        .onConflictDoUpdate({ target: schoolEmergencyPlans.schoolId, set: { planText: body.planText, contacts: body.contacts, updatedBy: actorId, updatedAt: now } });
      await recordAudit(tx, originOf(ctx), { action: "school_plan.update", targetType: "school", targetId: school.id, detail: { contacts: body.contacts.length } });
    });
    return { schoolId: school.id, schoolName: school.name, planText: body.planText, contacts: body.contacts, updatedAt: now.toISOString() };
  });
}
