import { eq } from "drizzle-orm";
import { publicationVersions, publications } from "../db/schema";
import type { Services } from "../services";
import type { StaffActor } from "../auth/actor";
import { recordAudit, type AuditOrigin } from "../audit/recordAudit";
import { AppError, NotFoundError } from "../http/errors";
import { publishingPolicy } from "./publishingPolicy";
import { lockPublication } from "./lockPublication";
import { publishingChange } from "./publishingChange";

/** published or scheduled → archived: off every reader's screen at once (every process's cache drops it). */
export async function publicationArchiver(props: { services: Services; actor: StaffActor; id: string; origin: AuditOrigin }) {
  const { services, actor, id, origin } = props;
  return publishingChange(services, async (tx, changed) => {
    const current = await lockPublication(tx, id);
    if (!publishingPolicy.canSee(actor, current)) throw NotFoundError("PUBLICATION_NOT_FOUND");
    if (!publishingPolicy.canArchive(actor, current)) throw current.status === "published" || current.status === "scheduled" ? new AppError(403, "FORBIDDEN") : new AppError(409, "PUBLICATION_STATE_INVALID");
    const now = services.clock.now();
    const [row] = await tx.update(publications).set({ status: "archived", archivedAt: now, updatedAt: now }).where(eq(publications.id, id)).returning();
    await tx.insert(publicationVersions).values({ publicationId: id, version: current.version, action: "archived", byStaffId: actor.id });
    await recordAudit(tx, origin, { action: "publication.archive", targetType: "publication", targetId: id });
    changed(id);
    return row!;
  });
}
