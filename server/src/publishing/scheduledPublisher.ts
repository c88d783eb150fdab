import { and, eq, lte, sql } from "drizzle-orm";
import { publicationVersions, publications } from "../db/schema";
import type { Services } from "../services";
import { recordAudit, systemOrigin } from "../audit/recordAudit";
import { publishingChange } from "./publishingChange";

/**
 * Publishes every scheduled item whose minute has come (publishAt ≤ now), stamped with its planned time.
 * One UPDATE … WHERE status = 'scheduled' claims each row once, so several processes may run it.
 */
export async function scheduledPublisher(props: { services: Services }): Promise<string[]> {
  const { services } = props;
  const now = services.clock.now();
  return publishingChange(services, async (tx, changed) => {
    const due = await tx
      .update(publications)
      .set({ status: "published", publishedAt: sql`${publications.publishAt}`, updatedAt: now })
      .where(and(eq(publications.status, "scheduled"), lte(publications.publishAt, now)))
      .returning({ id: publications.id, version: publications.version });
    for (const item of due) {
      await tx.insert(publicationVersions).values({ publicationId: item.id, version: item.version, action: "published" });
      await recordAudit(tx, systemOrigin, { action: "publication.publish", targetType: "publication", targetId: item.id, detail: { scheduled: true } });
      changed(item.id);
    }
    return due.map((item) => item.id);
  });
}
