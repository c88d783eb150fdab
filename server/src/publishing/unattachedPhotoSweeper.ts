import { and, asc, eq, inArray, lt, sql } from "drizzle-orm";
import { publishingUploads } from "../db/schema";
import type { Services } from "../services";
import { recordAudit, systemOrigin } from "../audit/recordAudit";
import { uploadStorageOf } from "./uploadStorage";

/** A report photo not attached to any report this long after upload was abandoned (the form was left). */
export const unattachedPhotoHours = 48;

/**
 * Activity photos can show children: one uploaded for a report that was never sent is erased, file and row,
 * 48 hours after upload. Candidates are locked first (SKIP LOCKED: two processes share the work, and a
 * report being created holds its photos FOR SHARE), then checked again in a new statement, which sees a
 * report committed meanwhile. Files go after the commit; audited with the count only. Returns the count.
 */
export async function unattachedPhotoSweeper(props: { services: Services; limit?: number }): Promise<number> {
  const { services } = props;
  const cutoff = new Date(services.clock.now().getTime() - unattachedPhotoHours * 3_600_000);
  const erased = await services.db.transaction(async (tx) => {
    const notAttached = sql`NOT EXISTS (SELECT 1 FROM activity_reports r WHERE ${publishingUploads.id} = ANY (r.photo_upload_ids))`;
    const locked = await tx
      .select({ id: publishingUploads.id })
      .from(publishingUploads)
      .where(and(eq(publishingUploads.purpose, "activity_report"), lt(publishingUploads.createdAt, cutoff), notAttached))
      .orderBy(asc(publishingUploads.createdAt))
      .limit(props.limit ?? 200)
      .for("update", { skipLocked: true });
    const ids = locked.map((row) => row.id);
    if (ids.length === 0) return [];
    const deleted = await tx
      .delete(publishingUploads)
      .where(and(inArray(publishingUploads.id, ids), notAttached))
      .returning({ storageKey: publishingUploads.storageKey });
    if (deleted.length > 0) await recordAudit(tx, systemOrigin, { action: "activity_report.photo.erase_unattached", targetType: "activity_report", detail: { count: deleted.length } });
    return deleted.map((row) => row.storageKey);
  });
  const storage = uploadStorageOf(services);
  for (const key of erased) await storage.remove(key);
  return erased.length;
}
