import { eq } from "drizzle-orm";
import type { PublicationBody } from "@xinyuan/shared";
import { publicationVersions, publications } from "../db/schema";
import type { Services } from "../services";
import type { StaffActor } from "../auth/actor";
import { recordAudit, type AuditOrigin } from "../audit/recordAudit";
import { AppError, ConflictError, NotFoundError } from "../http/errors";
import { publishingPolicy } from "./publishingPolicy";
import { requireContentUploads } from "./contentUploads";
import { publicationFields, snapshotOf } from "./publicationFields";
import { lockPublication } from "./lockPublication";
import { publishingChange } from "./publishingChange";

/**
 * A new version of the content. Editing approved, scheduled or published content takes it back to
 * draft (off readers' screens) so every published word has been reviewed. `version` must be the one the
 * editor started from (two editors cannot silently overwrite each other).
 */
export async function publicationEditor(props: { services: Services; actor: StaffActor; id: string; version: number; body: PublicationBody; origin: AuditOrigin }) {
  const { services, actor, id, body, origin } = props;
  return publishingChange(services, async (tx, changed) => {
    const current = await lockPublication(tx, id);
    if (!publishingPolicy.canSee(actor, current)) throw NotFoundError("PUBLICATION_NOT_FOUND");
    if (!publishingPolicy.canEdit(actor, current)) throw new AppError(409, "PUBLICATION_STATE_INVALID");
    if (current.version !== props.version) throw ConflictError();
    const reach = publishingPolicy.audienceFor(actor, body.audience);
    if (!reach) throw new AppError(403, "PUBLICATION_SCOPE_INVALID");
    const version = current.version + 1;
    await requireContentUploads(tx, { images: [body.coverUploadId], videos: body.kind === "video" ? [body.videoUploadId] : [] });
    const [row] = await tx
      .update(publications)
      .set({
        ...publicationFields(body),
        audience: reach.audience,
        version,
        status: "draft",
        publishAt: null,
        sensitive: false,
        riskCategories: [],
        checklist: {},
        updatedAt: services.clock.now(),
      })
      .where(eq(publications.id, id))
      .returning();
    await tx.insert(publicationVersions).values({ publicationId: id, version, action: "edited", snapshot: snapshotOf(row!), byStaffId: actor.id });
    await recordAudit(tx, origin, { action: "publication.edit", targetType: "publication", targetId: id, detail: { version, from: current.status } });
    changed(id);
    return row!;
  });
}
