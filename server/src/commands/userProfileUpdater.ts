import { eq } from "drizzle-orm";
import type { UpdateProfileBody } from "@xinyuan/shared";
import { appUsers, schools } from "../db/schema";
import type { Database } from "../db/database";
import { recordAudit, type AuditOrigin } from "../audit/recordAudit";
import { NotFoundError } from "../http/errors";

/**
 * Sets the user's role, age band and school; fields left out stay as they are, schoolId null clears it.
 * The audit row names the fields changed, not their values.
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
    if (changes.schoolId) {
      const [school] = await tx.select({ id: schools.id }).from(schools).where(eq(schools.id, changes.schoolId)).limit(1);
      if (!school) throw NotFoundError("SCHOOL_NOT_FOUND");
    }
    await tx.update(appUsers).set(values).where(eq(appUsers.id, userId));
    await recordAudit(tx, origin, { action: "user.profile.update", targetType: "app_user", targetId: userId, detail: { fields } });
  });
}
