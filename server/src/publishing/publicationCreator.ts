import type { PublicationBody } from "@xinyuan/shared";
import { publicationVersions, publications } from "../db/schema";
import type { Services } from "../services";
import type { StaffActor } from "../auth/actor";
import { recordAudit, type AuditOrigin } from "../audit/recordAudit";
import { AppError } from "../http/errors";
import { publishingPolicy } from "./publishingPolicy";
import { requireContentUploads } from "./contentUploads";
import { publicationFields, snapshotOf } from "./publicationFields";

/** An editor's new draft (version 1), targeted within the editor's reach. Readers see nothing yet. */
export async function publicationCreator(props: { services: Services; actor: StaffActor; body: PublicationBody; origin: AuditOrigin }) {
  const { services, actor, body, origin } = props;
  const reach = publishingPolicy.audienceFor(actor, body.audience);
  if (!reach) throw new AppError(403, "PUBLICATION_SCOPE_INVALID");
  return services.db.transaction(async (tx) => {
    await requireContentUploads(tx, { images: [body.coverUploadId], videos: body.kind === "video" ? [body.videoUploadId] : [] });
    const [row] = await tx
      .insert(publications)
      .values({ ...publicationFields(body), audience: reach.audience, ownerSchoolId: reach.ownerSchoolId, createdBy: actor.id, updatedAt: services.clock.now() })
      .returning();
    await tx.insert(publicationVersions).values({ publicationId: row!.id, version: 1, action: "created", snapshot: snapshotOf(row!), byStaffId: actor.id });
    await recordAudit(tx, origin, { action: "publication.create", targetType: "publication", targetId: row!.id });
    return row!;
  });
}
