import { and, asc, eq, ilike, type SQL } from "drizzle-orm";
import { apiRoutes, type PublicSchoolView } from "@xinyuan/shared";
import { areas, schools } from "../../../db/schema";
import { mountRoute, type AppRouter } from "../../../http/mountRoute";

/** Enough for a picker; a longer list is narrowed by typing part of the name. */
const pickerLimit = 100;

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;

/** The school picker of the mini-program profile: names and areas only, searchable, no sign-in needed. */
export function mountPublicSchoolRoutes(router: AppRouter): void {
  mountRoute(router, apiRoutes.publicSchools, async (ctx, { query }): Promise<PublicSchoolView[]> => {
    const filters: SQL[] = [];
    if (query.q) filters.push(ilike(schools.name, likePattern(query.q)));
    if (query.areaId) filters.push(eq(schools.areaId, query.areaId));
    return ctx.services.db
      .select({ id: schools.id, name: schools.name, areaName: areas.name })
      .from(schools)
      .innerJoin(areas, eq(areas.id, schools.areaId))
      .where(and(...filters))
      .orderBy(asc(schools.name))
      .limit(pickerLimit);
  });
}
