import { and, eq, isNull } from "drizzle-orm";
import { needsGuardianConsent, type AgeBand, type UpdateProfileBody } from "@xinyuan/shared";
import { appUsers, consents, schools } from "../db/schema/index";
import type { Database } from "../db/database";
import { recordAudit, type AuditOrigin } from "../audit/recordAudit";
import { ConflictError, NotFoundError } from "../http/errors";

/**
 * Sets the user's role, age band and school; fields left out stay as they are, schoolId null clears it.
 * An under-14 band cannot be raised past the guardian gate by the user alone: without a guardian's
 * consent on record the change is refused (otherwise one tap would skip the gate). The audit row names
 * the fields changed, and for the age band its old and new value.
 */
export async function userProfileUpdater(props: { db: Database; userId: string; changes: UpdateProfileBody; origin: AuditOrigin }): Promise<void> {
  const { db, userId, changes, origin } = props;
  const values: Partial<typeof appUsers.$inferInsert> = {};
  if (changes.role !== undefined) values.role = changes.role;
  if (changes.ageBand !== undefined) values.ageBand = changes.ageBand;
  if (changes.schoolId !== undefined) values.schoolId = changes.schoolId;
  const fields = Object.keys(values);
  if (fields.length === 0) return;

  await db.transaction(async (tx) => {
    const [current] = await tx.select({ ageBand: appUsers.ageBand }).from(appUsers).where(eq(appUsers.id, userId)).for("update");
    const from = (current?.ageBand ?? null) as AgeBand | null;
    if (changes.ageBand && from && needsGuardianConsent(from) && !needsGuardianConsent(changes.ageBand)) {
      const [guardian] = await tx
        .select({ id: consents.id })
        .from(consents)
        .where(and(eq(consents.userId, userId), eq(consents.kind, "guardian"), isNull(consents.withdrawnAt)))
        .limit(1);
      if (!guardian) throw ConflictError("AGE_BAND_RAISE_NEEDS_GUARDIAN");
    }
    if (changes.schoolId) {
      const [school] = await tx.select({ id: schools.id }).from(schools).where(eq(schools.id, changes.schoolId)).limit(1);
      if (!school) throw NotFoundError("SCHOOL_NOT_FOUND");
    }
    await tx.update(appUsers).set(values).where(eq(appUsers.id, userId));
    await recordAudit(tx, origin, { action: "user.profile.update", targetType: "app_user", targetId: userId, detail: { fields, ...(changes.ageBand !== undefined && changes.ageBand !== from ? { ageBand: { from, to: changes.ageBand } } : {}) } });
  });
}
