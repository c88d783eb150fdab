import { and, eq, sql } from "drizzle-orm";
import { eventSignups, publications } from "../db/schema";
import type { Services } from "../services";
import type { UserActor } from "../auth/actor";
import { NotFoundError } from "../http/errors";
import { lockPublication } from "./lockPublication";
import { publishingChange } from "./publishingChange";

/** Gives the place back (idempotent: cancelling twice answers the cancelled sign-up). */
export async function eventSignupCanceller(props: { services: Services; user: UserActor; eventId: string }) {
  const { services, user, eventId } = props;
  return publishingChange(services, async (tx, changed) => {
    const event = await lockPublication(tx, eventId).catch(() => null);
    if (!event || event.kind !== "event") throw NotFoundError("EVENT_NOT_FOUND");
    const [active] = await tx
      .update(eventSignups)
      .set({ status: "cancelled", cancelledAt: services.clock.now() })
      .where(and(eq(eventSignups.publicationId, eventId), eq(eventSignups.userId, user.id), eq(eventSignups.status, "active")))
      .returning();
    if (active) {
      const [updated] = await tx.update(publications).set({ signedUp: sql`greatest(${publications.signedUp} - 1, 0)` }).where(eq(publications.id, eventId)).returning();
      changed(eventId);
      return { signup: active, event: updated! };
    }
    const [latest] = await tx.select().from(eventSignups).where(and(eq(eventSignups.publicationId, eventId), eq(eventSignups.userId, user.id))).orderBy(sql`${eventSignups.createdAt} desc`).limit(1);
    if (!latest) throw NotFoundError("EVENT_NOT_FOUND");
    return { signup: latest, event };
  });
}
