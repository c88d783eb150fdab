import { and, desc, inArray, sql } from "drizzle-orm";
import type { z } from "zod";
import type { activityReportBody } from "@xinyuan/shared";
import { activityReports, campaigns, publishingUploads } from "../db/schema";
import type { Services } from "../services";
import type { StaffActor } from "../auth/actor";
import { recordAudit, type AuditOrigin } from "../audit/recordAudit";
import { AppError, ValidationError } from "../http/errors";

/**
 * A school's staff report one activity of the month for their own school (photos from their own
 * report-photo uploads). Without a campaign named, the report joins the campaign running on its day
 * (school staff cannot list campaigns; the county's overview per campaign still counts it).
 */
export async function activityReportCreator(props: { services: Services; actor: StaffActor; body: z.output<typeof activityReportBody>; origin: AuditOrigin }) {
  const { services, actor, body, origin } = props;
  const schoolId = actor.scope.level === "school" ? actor.scope.schoolId : null;
  if (!schoolId) throw new AppError(403, "ACTIVITY_REPORT_SCHOOL_REQUIRED");
  return services.db.transaction(async (tx) => {
    if (body.photoUploadIds.length > 0) {
      // Only report photos this person uploaded (staff-only files), never someone else's or public content.
      const found = await tx
        .select({ id: publishingUploads.id, mime: publishingUploads.mime, purpose: publishingUploads.purpose, uploadedBy: publishingUploads.uploadedBy })
        .from(publishingUploads)
        .where(inArray(publishingUploads.id, body.photoUploadIds))
        // held until the report commits, so the sweep of unattached photos cannot take one from under it
        .for("share");
      const usable = (row: (typeof found)[number]) => row.mime.startsWith("image/") && row.purpose === "activity_report" && row.uploadedBy === actor.id;
      if (found.length !== new Set(body.photoUploadIds).size || !found.every(usable)) throw ValidationError(undefined, "照片没有上传成功，请重新上传。");
    }
    const [running] = body.campaignId
      ? [{ id: body.campaignId }]
      : await tx
          .select({ id: campaigns.id })
          .from(campaigns)
          .where(and(sql`${campaigns.startsAt} < (${body.heldOn}::date + 1)`, sql`${campaigns.endsAt} > ${body.heldOn}::date`))
          .orderBy(desc(campaigns.takeoverHome), desc(campaigns.startsAt))
          .limit(1);
    const [row] = await tx
      .insert(activityReports)
      .values({ schoolId, campaignId: running?.id ?? null, title: body.title, heldOn: body.heldOn, participants: body.participants, description: body.description, photoUploadIds: body.photoUploadIds, reportedBy: actor.id })
      .returning();
    await recordAudit(tx, origin, { action: "activity_report.create", targetType: "activity_report", targetId: row!.id });
    return row!;
  });
}
