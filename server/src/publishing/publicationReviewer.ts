import { eq } from "drizzle-orm";
import { safeMessagingChecks, type SafeMessagingCheck } from "@xinyuan/shared";
import { publicationVersions, publications } from "../db/schema";
import type { Services } from "../services";
import type { StaffActor } from "../auth/actor";
import { recordAudit, type AuditOrigin } from "../audit/recordAudit";
import { AppError, ForbiddenError, NotFoundError } from "../http/errors";
import { publishingPolicy } from "./publishingPolicy";
import { lockPublication } from "./lockPublication";

/**
 * A county reviewer's decision on submitted content: approve (sensitive content only with every
 * safe-messaging check ticked) or send back to draft with comments the editor sees.
 */
export async function publicationReviewer(props: {
  services: Services;
  actor: StaffActor;
  id: string;
  decision: "approve" | "send_back";
  comment: string;
  checklist: Partial<Record<SafeMessagingCheck, boolean>>;
  origin: AuditOrigin;
}) {
  const { services, actor, id, decision, comment, checklist, origin } = props;
  return services.db.transaction(async (tx) => {
    const current = await lockPublication(tx, id);
    if (!publishingPolicy.canSee(actor, current)) throw NotFoundError("PUBLICATION_NOT_FOUND");
    if (actor.scope.level !== "county") throw ForbiddenError();
    if (!publishingPolicy.canReview(actor, current)) throw new AppError(409, "PUBLICATION_STATE_INVALID");
    if (decision === "approve" && current.sensitive && !safeMessagingChecks.every((check) => checklist[check] === true)) {
      throw new AppError(422, "PUBLICATION_CHECKLIST_REQUIRED");
    }
    const now = services.clock.now();
    const [row] = await tx
      .update(publications)
      .set({
        status: decision === "approve" ? "approved" : "draft",
        reviewComment: comment || null,
        reviewedBy: actor.id,
        reviewedAt: now,
        checklist: decision === "approve" ? checklist : {},
        updatedAt: now,
      })
      .where(eq(publications.id, id))
      .returning();
    await tx.insert(publicationVersions).values({ publicationId: id, version: current.version, action: decision === "approve" ? "approved" : "sent_back", comment: comment || null, byStaffId: actor.id });
    await recordAudit(tx, origin, { action: `publication.${decision}`, targetType: "publication", targetId: id });
    return row!;
  });
}
