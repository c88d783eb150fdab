import { eq } from "drizzle-orm";
import { publicationVersions, publications } from "../db/schema";
import type { Services } from "../services";
import type { StaffActor } from "../auth/actor";
import { recordAudit, type AuditOrigin } from "../audit/recordAudit";
import { AppError, NotFoundError } from "../http/errors";
import { publishingPolicy } from "./publishingPolicy";
import { lockPublication } from "./lockPublication";
import { publishingChange } from "./publishingChange";

/**
 * approved → published now, or scheduled for publishAt (published by the scheduled publisher at that
 * minute). A county reviewer publishes anything approved; a school's editor their own school's content.
 */
export async function publicationPublisher(props: { services: Services; actor: StaffActor; id: string; publishAt?: string; origin: AuditOrigin }) {
  const { services, actor, id, origin } = props;
  return publishingChange(services, async (tx, changed) => {
    const current = await lockPublication(tx, id);
    if (!publishingPolicy.canSee(actor, current)) throw NotFoundError("PUBLICATION_NOT_FOUND");
    if (!publishingPolicy.canPublish(actor, current)) {
      if (current.ownerSchoolId && current.status !== "approved" && actor.scope.schoolId === current.ownerSchoolId) throw new AppError(409, "PUBLICATION_NEEDS_COUNTY_REVIEW");
      throw current.status === "approved" ? new AppError(403, "FORBIDDEN") : new AppError(409, "PUBLICATION_STATE_INVALID");
    }
    const now = services.clock.now();
    const publishAt = props.publishAt ? new Date(props.publishAt) : null;
    const later = publishAt !== null && publishAt.getTime() > now.getTime();
    const [row] = await tx
      .update(publications)
      .set(later ? { status: "scheduled", publishAt, updatedAt: now } : { status: "published", publishAt: null, publishedAt: now, archivedAt: null, updatedAt: now })
      .where(eq(publications.id, id))
      .returning();
    await tx.insert(publicationVersions).values({ publicationId: id, version: current.version, action: later ? "scheduled" : "published", comment: later ? publishAt!.toISOString() : null, byStaffId: actor.id });
    await recordAudit(tx, origin, { action: later ? "publication.schedule" : "publication.publish", targetType: "publication", targetId: id });
    changed(id);
    return row!;
  });
}
