import { and, asc, eq, isNull } from "drizzle-orm";
import type { MeView } from "@xinyuan/shared";
import { appUsers, consents, schools } from "../db/schema";
import type { DbOrTx } from "../db/database";
import { presentMe } from "./presentMe";

/** Loads what presentMe needs; undefined for a missing or deleted account. */
export async function loadMeView(db: DbOrTx, userId: string): Promise<MeView | undefined> {
  const [found] = await db
    .select({ user: appUsers, schoolName: schools.name })
    .from(appUsers)
    .leftJoin(schools, eq(schools.id, appUsers.schoolId))
    .where(and(eq(appUsers.id, userId), isNull(appUsers.deletedAt)))
    .limit(1);
  if (!found) return undefined;
  const rows = await db.select().from(consents).where(eq(consents.userId, userId)).orderBy(asc(consents.givenAt), asc(consents.id));
  const { user, schoolName } = found;
  return presentMe(user, user.schoolId && schoolName ? { id: user.schoolId, name: schoolName } : null, rows);
}
