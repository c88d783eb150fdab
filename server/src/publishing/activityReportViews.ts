import { and, asc, desc, eq, sql, type SQL } from "drizzle-orm";
import type { ActivityOverviewRow, ActivityReportView } from "@xinyuan/shared";
import { activityReports, areas, schools } from "../db/schema";
import type { Services } from "../services";
import type { StaffActor } from "../auth/actor";

/** Report photos are staff-only: never the public upload address. */
export const reportPhotoUrl = (id: string): string => `/api/v1/publishing/report-photos/${id}`;

/** Reports the viewer may read: county all, area its schools, school its own. Newest first. */
export async function listActivityReports(services: Services, actor: StaffActor, campaignId?: string): Promise<ActivityReportView[]> {
  const conditions: SQL[] = [];
  if (campaignId) conditions.push(eq(activityReports.campaignId, campaignId));
  if (actor.scope.level === "school") conditions.push(eq(activityReports.schoolId, actor.scope.schoolId ?? "00000000-0000-0000-0000-000000000000"));
  if (actor.scope.level === "area") conditions.push(eq(schools.areaId, actor.scope.areaId ?? "00000000-0000-0000-0000-000000000000"));
  const rows = await services.db
    .select({ report: activityReports, schoolName: schools.name })
    .from(activityReports)
    .innerJoin(schools, eq(schools.id, activityReports.schoolId))
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(activityReports.heldOn), desc(activityReports.createdAt))
    .limit(500);
  return rows.map(({ report, schoolName }) => ({
    id: report.id,
    schoolId: report.schoolId,
    schoolName,
    campaignId: report.campaignId,
    title: report.title,
    heldOn: report.heldOn,
    participants: report.participants,
    description: report.description,
    photoUrls: report.photoUploadIds.map(reportPhotoUrl),
    createdAt: report.createdAt.toISOString(),
  }));
}

/**
 * Every school of the county (or, for area staff, of their area) with its month so far: reports, people
 * reached, last activity (none: 0).
 */
export async function activityOverview(services: Services, props: { areaId?: string; campaignId?: string }): Promise<ActivityOverviewRow[]> {
  const { campaignId } = props;
  const joinOn = campaignId ? and(eq(activityReports.schoolId, schools.id), eq(activityReports.campaignId, campaignId)) : eq(activityReports.schoolId, schools.id);
  const rows = await services.db
    .select({
      schoolId: schools.id,
      schoolName: schools.name,
      areaName: areas.name,
      stage: schools.stage,
      reports: sql<number>`count(${activityReports.id})::int`,
      participants: sql<number>`coalesce(sum(${activityReports.participants}), 0)::int`,
      lastHeldOn: sql<string | null>`max(${activityReports.heldOn})::text`,
    })
    .from(schools)
    .innerJoin(areas, eq(areas.id, schools.areaId))
    .leftJoin(activityReports, joinOn)
    .where(props.areaId ? eq(schools.areaId, props.areaId) : undefined)
    .groupBy(schools.id, schools.name, areas.name, schools.stage)
    .orderBy(asc(areas.name), asc(schools.name));
  return rows;
}
