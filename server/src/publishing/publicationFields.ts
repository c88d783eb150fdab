import type { PublicationBody } from "@xinyuan/shared";
import type { publications } from "../db/schema";
import { sanitizeRichText } from "./richTextSanitizer";

type PublicationInsert = typeof publications.$inferInsert;

/** The stored columns of an editor's content: rich text sanitised, event fields only for events. */
export function publicationFields(body: PublicationBody): Omit<PublicationInsert, "audience" | "ownerSchoolId" | "createdBy"> {
  const event = body.kind === "event" ? body.event : undefined;
  return {
    kind: body.kind,
    title: body.title,
    summary: body.summary,
    bodyHtml: sanitizeRichText(body.bodyHtml),
    videoUrl: body.kind === "video" ? (body.videoUrl ?? null) : null,
    videoUploadId: body.kind === "video" ? (body.videoUploadId ?? null) : null,
    coverUploadId: body.coverUploadId ?? null,
    materialFor: body.kind === "material" ? (body.materialFor ?? null) : null,
    campaignId: body.campaignId ?? null,
    eventStartsAt: event ? new Date(event.startsAt) : null,
    eventEndsAt: event ? new Date(event.endsAt) : null,
    eventPlace: event ? event.place : null,
    eventOnlineUrl: event?.onlineUrl ?? null,
    eventCapacity: event ? event.capacity : null,
    signupOpensAt: event ? new Date(event.signupOpensAt) : null,
    signupClosesAt: event ? new Date(event.signupClosesAt) : null,
  };
}

/** What a version snapshot keeps: enough to see what changed between versions. */
export function snapshotOf(row: { title: string; summary: string; bodyHtml: string; kind: string }): Record<string, string> {
  return { kind: row.kind, title: row.title, summary: row.summary, bodyHtml: row.bodyHtml };
}
