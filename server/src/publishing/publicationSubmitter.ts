import { eq } from "drizzle-orm";
import { publicationVersions, publications } from "../db/schema";
import type { Services } from "../services";
import type { StaffActor } from "../auth/actor";
import { recordAudit, type AuditOrigin } from "../audit/recordAudit";
import { AppError, NotFoundError } from "../http/errors";
import { detectRisk } from "../risk/riskDetector";
import { publishingPolicy } from "./publishingPolicy";
import { lockPublication } from "./lockPublication";
import { plainTextOf } from "./richTextSanitizer";

/**
 * draft → submitted. The risk lexicon reads the title, summary and text: content about suicide or
 * self-harm is marked sensitive, so the reviewer must work through the safe-messaging checklist.
 */
export async function publicationSubmitter(props: { services: Services; actor: StaffActor; id: string; origin: AuditOrigin }) {
  const { services, actor, id, origin } = props;
  return services.db.transaction(async (tx) => {
    const current = await lockPublication(tx, id);
    if (!publishingPolicy.canSee(actor, current)) throw NotFoundError("PUBLICATION_NOT_FOUND");
    if (!publishingPolicy.canSubmit(actor, current)) throw new AppError(409, "PUBLICATION_STATE_INVALID");
    const risk = detectRisk(`${current.title}\n${current.summary}\n${plainTextOf(current.bodyHtml)}`);
    const [row] = await tx
      .update(publications)
      .set({ status: "submitted", sensitive: risk.level !== "none", riskCategories: risk.categories, checklist: {}, updatedAt: services.clock.now() })
      .where(eq(publications.id, id))
      .returning();
    await tx.insert(publicationVersions).values({ publicationId: id, version: current.version, action: "submitted", byStaffId: actor.id });
    await recordAudit(tx, origin, { action: "publication.submit", targetType: "publication", targetId: id, detail: { sensitive: row!.sensitive } });
    return row!;
  });
}
