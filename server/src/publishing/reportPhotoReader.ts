import { and, eq, sql } from "drizzle-orm";
import { activityReports, publishingUploads, schools } from "../db/schema";
import type { Services } from "../services";
import type { StaffActor } from "../auth/actor";
import { NotFoundError } from "../http/errors";
import { recordAudit, type AuditOrigin } from "../audit/recordAudit";
import { uploadStorageOf } from "./uploadStorage";
import { publishingPolicy } from "./publishingPolicy";

/**
 * One activity-report photo for a staff member. Such photos can show children, so they are never public:
 * the reader must be in scope of a report that holds the photo, or be its uploader before it is attached.
 * Anything else answers 404 (existence is not revealed). Every read is audited.
 */
export async function reportPhotoReader(props: { services: Services; actor: StaffActor; uploadId: string; origin: AuditOrigin }) {
  const { services, actor, uploadId, origin } = props;
  const [row] = await services.db
    .select()
    .from(publishingUploads)
    .where(and(eq(publishingUploads.id, uploadId), eq(publishingUploads.purpose, "activity_report")))
    .limit(1);
  if (!row) throw NotFoundError("UPLOAD_NOT_FOUND");
  const reports = await services.db
    .select({ id: activityReports.id, schoolId: activityReports.schoolId, areaId: schools.areaId })
    .from(activityReports)
    .innerJoin(schools, eq(schools.id, activityReports.schoolId))
    .where(sql`${activityReports.photoUploadIds} @> ARRAY[${uploadId}]::uuid[]`);
  const report = reports.find((candidate) => publishingPolicy.canSeeActivityReport(actor, candidate));
  if (!report && !(reports.length === 0 && row.uploadedBy === actor.id)) throw NotFoundError("UPLOAD_NOT_FOUND");
  const file = await uploadStorageOf(services).open(row.storageKey);
  if (!file) throw NotFoundError("UPLOAD_NOT_FOUND");
  await recordAudit(services.db, origin, {
    action: "activity_report.photo.read",
    targetType: report ? "activity_report" : "upload",
    targetId: report ? report.id : row.id,
    detail: { uploadId: row.id },
  }).catch((error: unknown) => {
    file.stream.destroy();
    throw error;
  });
  return { mime: row.mime, file };
}
