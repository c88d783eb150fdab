import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { Audience } from "@xinyuan/shared";
import { eventSignups, publications } from "../db/schema";
import type { Services } from "../services";
import type { UserActor } from "../auth/actor";
import { AppError, NotFoundError } from "../http/errors";
import { detectRisk } from "../risk/riskDetector";
import { raiseAlert } from "../alerts/alertRaiser";
import { audienceIncludes, type Reader } from "./audienceMatch";
import { lockPublication } from "./lockPublication";
import { publishingChange } from "./publishingChange";
import { sealed } from "../crypto/sealedColumns";

/**
 * Signs a user up for a published event meant for them, inside its sign-up window, never over capacity
 * (the event row is locked while the count is checked and raised) and once per person (signing up
 * again returns the same place). A note with risk words raises an alert in the same transaction and
 * the app offers the live line.
 */
export async function eventSignupCreator(props: { services: Services; user: UserActor; reader: Reader; eventId: string; note: string }) {
  const { services, user, reader, eventId, note } = props;
  return publishingChange(services, async (tx, changed) => {
    const event = await lockPublication(tx, eventId).catch(() => null);
    if (!event || event.kind !== "event" || event.status !== "published" || !audienceIncludes(event.audience as Audience, reader)) throw NotFoundError("EVENT_NOT_FOUND");
    const [existing] = await tx.select().from(eventSignups).where(and(eq(eventSignups.publicationId, eventId), eq(eventSignups.userId, user.id), eq(eventSignups.status, "active"))).limit(1);
    if (existing) return { signup: existing, event, created: false, offerHelp: false };
    const now = services.clock.now().getTime();
    if (!event.signupOpensAt || !event.signupClosesAt || now < event.signupOpensAt.getTime() || now >= event.signupClosesAt.getTime()) throw new AppError(409, "EVENT_SIGNUP_CLOSED");
    if (event.signedUp >= (event.eventCapacity ?? 0)) throw new AppError(409, "EVENT_FULL");
    const signupId = randomUUID();
    const [signup] = await tx.insert(eventSignups).values({ id: signupId, publicationId: eventId, userId: user.id, noteEnc: note ? services.cipher.encrypt(note, sealed.eventSignupNote.at({ id: signupId })) : null }).returning();
    const [updated] = await tx.update(publications).set({ signedUp: sql`${publications.signedUp} + 1` }).where(eq(publications.id, eventId)).returning();
    const risk = note ? detectRisk(note) : null;
    if (risk && risk.level !== "none") {
      await raiseAlert({ tx, services, source: { kind: "event", id: signup!.id }, level: risk.level, categories: risk.categories, subjectAlias: user.alias, userId: user.id });
    }
    changed(eventId);
    return { signup: signup!, event: updated!, created: true, offerHelp: risk !== null && risk.level !== "none" };
  });
}
